"""2-D maps of feature vectors (PCA with fixed signs, t-SNE with openTSNE) and nearest()."""

import subprocess
import sys

import numpy as np
import pytest

from explorer.engine import explain as E


def _clusters(n_per=70, d=10, seed=0):
    """Three well separated Gaussian clusters in d dimensions: (3 * n_per, d), labels."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 6, size=(3, d))
    x = np.concatenate([c + rng.normal(size=(n_per, d)) for c in centres])
    return x, np.repeat(np.arange(3), n_per)


def test_pca_matches_the_covariance_eigenvectors_with_fixed_signs():
    x, _ = _clusters(seed=1)
    x = x * np.linspace(1, 3, x.shape[1])  # distinct variances
    result = E.embed(x, "pca")
    centred = x - x.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(x) - 1))
    order = np.argsort(values)[::-1][:2]
    ref = vectors[:, order].T  # (2, D)
    for row in ref:  # the documented convention: largest |loading| positive
        row *= np.sign(row[np.argmax(np.abs(row))])
    np.testing.assert_allclose(result.components, ref, rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(result.points, centred @ ref.T, rtol=1e-7, atol=1e-8)
    np.testing.assert_allclose(result.explained_variance_ratio, values[order] / values.sum())
    np.testing.assert_allclose(result.transform(x[:5]), result.points[:5], atol=1e-9)
    # the same data with flipped columns gives the same picture (signs do not depend on SVD)
    flipped = E.embed(-x, "pca")
    for k in range(2):
        row = flipped.components[k]
        assert row[np.argmax(np.abs(row))] > 0


def test_pca_bad_input():
    with pytest.raises(ValueError, match="2-D array"):
        E.embed(np.zeros(5), "pca")
    with pytest.raises(ValueError, match="at least 2 rows"):
        E.embed(np.zeros((1, 3)), "pca")
    with pytest.raises(ValueError, match="NaN"):
        E.embed(np.full((4, 3), np.nan), "pca")
    with pytest.raises(ValueError, match="no options"):
        E.embed(np.zeros((4, 3)), "pca", perplexity=5)
    with pytest.raises(ValueError, match="unknown embedding method 'umap'"):
        E.embed(np.zeros((4, 3)), "umap")
    with pytest.raises(ValueError, match="4 columns; the map was made from 3"):
        E.embed(np.random.default_rng(0).random((6, 3)), "pca").transform(np.zeros((1, 4)))


def test_tsne_separates_clusters_and_places_a_new_point_near_its_neighbours():
    pytest.importorskip("openTSNE")
    x, labels = _clusters(n_per=67, seed=2)  # 201 points
    calls = []
    result = E.embed(x, "tsne", seed=0, progress=lambda *a: calls.append(a))
    assert result.points.shape == (201, 2) and np.all(np.isfinite(result.points))
    done = [c[0] for c in calls]
    assert done == sorted(done) and done[-1] == calls[-1][1] == 750
    # each point's nearest neighbour in the map belongs to its own cluster
    nn = [E.nearest(result.points, p, k=2)[1] for p in result.points]
    assert np.mean(labels[nn] == labels) > 0.95
    # a new point close to a known one lands among its nearest neighbours' positions:
    # inside their cluster, and (tolerant) within 15 % of the map's extent from their median
    spread = np.ptp(result.points, axis=0).max()
    for i in (10, 80, 150):
        new = x[i] + 0.05 * np.random.default_rng(i).normal(size=x.shape[1])
        placed = result.transform(new[None])[0]
        neighbours = E.nearest(x, new, k=10)
        centre = np.median(result.points[neighbours], axis=0)
        assert np.linalg.norm(placed - centre) < 0.15 * spread
        around = E.nearest(result.points, placed, k=5)
        assert np.all(labels[around] == labels[i])
    same = E.embed(x, "tsne", seed=0)
    np.testing.assert_allclose(same.points, result.points, rtol=1e-6, atol=1e-6)


def test_tsne_can_be_cancelled():
    pytest.importorskip("openTSNE")
    x, _ = _clusters(n_per=20, seed=3)
    seen = []
    with pytest.raises(E.EmbeddingCancelled):
        E.embed(x, "tsne", progress=lambda *a: seen.append(a), cancelled=lambda: len(seen) >= 2,
                every=10)
    assert len(seen) == 2 and seen[-1][0] == 20


def test_tsne_bad_arguments():
    x, _ = _clusters(n_per=5)
    for kwargs, message in (({"perplexity": 0}, "perplexity"), ({"n_iter": 0}, "n_iter"),
                            ({"every": -1}, "every"), ({"perplexity": "a"}, "perplexity"),
                            ({"seed": -1}, "seed"), ({"seed": None}, "seed"),
                            ({"learning_rate": 3}, "unknown t-SNE option")):
        with pytest.raises(ValueError, match=message):
            E.embed(x, "tsne", **kwargs)
    with pytest.raises(ValueError, match="at least 4 rows"):
        E.embed(x[:3], "tsne")


def test_nearest_against_brute_force():
    rng = np.random.default_rng(0)
    f = rng.normal(size=(50, 6))
    q = rng.normal(size=(4, 6))
    d = np.sqrt(((q[:, None] - f[None]) ** 2).sum(-1))
    np.testing.assert_array_equal(E.nearest(f, q, k=5), np.argsort(d, axis=1)[:, :5])
    np.testing.assert_array_equal(E.nearest(f, q[1], k=3), np.argsort(d[1])[:3])
    with pytest.raises(ValueError, match="k must be an int in 1..50"):
        E.nearest(f, q, k=51)
    with pytest.raises(ValueError, match="query has 5 values"):
        E.nearest(f, q[:, :5])


def test_explain_and_timeline_import_no_qt():
    code = (
        "import sys\n"
        "import explorer.engine.explain, explorer.engine.timeline, openTSNE\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    pytest.importorskip("openTSNE")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules imported: {out.stdout}"


def test_tsne_of_identical_features_is_refused_in_words():
    # an untrained or zeroed model can give every image the same feature vector; openTSNE's
    # PCA start then divided by a zero variance (a warning deep inside sklearn)
    from explorer.engine.messages import MessageError

    with pytest.raises(MessageError, match="nothing to map") as caught:
        E.embed(np.ones((10, 3)), "tsne")
    assert caught.value.code == "features_all_equal" and caught.value.values == (10,)
