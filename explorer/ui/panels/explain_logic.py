"""The Explain tab's decisions and engine-thread jobs, without Qt.

The panel (explorer/ui/panels/explain.py) only shows what these return. The ``*_job``
functions are handed to ``EngineClient.request`` with their arguments bound
(``functools.partial``) and run as ``fn(model)`` in the engine thread; they return plain
dicts of arrays and numbers. :class:`ExplainChoices` turns a model summary into the lists the
combos offer; :class:`ActMaxRun` keeps one activation-maximisation run going across requests,
:class:`GridRun` a run over all filters of a layer (and the classes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from explorer.data.model_input import from_chw, input_batch
from explorer.engine import explain as E

#: How many test images the feature map and the "top activating" search look at.
MAX_MAP_IMAGES = 1000


def correlation(a: np.ndarray, b: np.ndarray) -> float | None:
    """Pearson correlation of two maps of the same shape; None when either is constant
    (a flat map has no pattern to compare)."""
    a = np.asarray(a, dtype=np.float64).ravel()
    b = np.asarray(b, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise ValueError(f"maps to compare must have the same shape, got {a.shape} and "
                         f"{b.shape}")
    a, b = a - a.mean(), b - b.mean()
    den = float(np.sqrt((a @ a) * (b @ b)))
    if den <= 1e-30:
        return None
    return float(np.clip((a @ b) / den, -1.0, 1.0))


def similarity_word(r: float | None) -> str:
    """How alike two maps are, for the sanity-check sentence: "unknown" (a flat map),
    "similar" (r >= 0.5: the map may not depend on what the network learned), "partly"
    (0.2 <= r < 0.5) or "different" (r < 0.2: the map depends on the learned weights)."""
    if r is None:
        return "unknown"
    if r >= 0.5:
        return "similar"
    if r >= 0.2:
        return "partly"
    return "different"


@dataclass
class ExplainChoices:
    """What the combos offer for a model, from its ``Model.summary()`` rows (dicts with name,
    type, output_shape)."""

    summary: list = field(default_factory=list)

    def cam_layers(self) -> list[str]:
        """Conv2D layers whose output has spatial extent (C, h, w) with h*w > 1, in order."""
        return [r["name"] for r in self.summary
                if r["type"] == "Conv2D" and len(r["output_shape"]) == 3
                and r["output_shape"][1] * r["output_shape"][2] > 1]

    def default_cam_layer(self) -> str | None:
        """The engine's default: the last layer of any type with spatial extent (None when
        the model has none, e.g. a dense-only network: Grad-CAM does not apply)."""
        spatial = [r["name"] for r in self.summary if len(r["output_shape"]) == 3
                   and r["output_shape"][1] * r["output_shape"][2] > 1]
        return spatial[-1] if spatial else None

    def cam_layer_options(self) -> list[str]:
        """The conv layers, plus the engine's default when it is not a conv layer."""
        names = self.cam_layers()
        default = self.default_cam_layer()
        if default is not None and default not in names:
            names.append(default)
        return names

    def filter_layers(self) -> list[tuple[str, int]]:
        """``(name, channels)`` of the layers whose filters (Conv2D) or units (Dense, except
        the last one: the class scores) act-max can visualise."""
        out = []
        last = len(self.summary) - 1
        for i, r in enumerate(self.summary):
            if r["type"] == "Conv2D" or (r["type"] == "Dense" and i != last):
                out.append((r["name"], int(r["output_shape"][0])))
        return out

    def conv_layers(self) -> list[tuple[str, int]]:
        """``(name, filters)`` of every Conv2D layer, in order (the layer grid's choices)."""
        return [(r["name"], int(r["output_shape"][0])) for r in self.summary
                if r["type"] == "Conv2D"]

    def feature_layers(self) -> list[str]:
        """The layers the feature map can read besides the penultimate one (None): every
        Flatten layer and every Dense layer but the last (the class scores), in order."""
        last_dense = max((i for i, r in enumerate(self.summary) if r["type"] == "Dense"),
                         default=-1)
        return [r["name"] for i, r in enumerate(self.summary)
                if r["type"] == "Flatten" or (r["type"] == "Dense" and i != last_dense)]

    def has_penultimate(self) -> bool:
        """Whether the penultimate layer exists: the input of a last Dense layer."""
        return any(r["type"] == "Dense" for r in self.summary)

    @staticmethod
    def target(predicted: int, picked: int | None) -> int:
        """The class the maps explain: the one picked, else the predicted one."""
        return int(predicted if picked is None else picked)


# ----------------------------------------------------------------------------------------------
# Engine-thread jobs (each runs as fn(model) in the worker)
# ----------------------------------------------------------------------------------------------


def drawing_maps_job(image, picked, layer, model, smooth=None) -> dict:
    """Saliency and Grad-CAM of the drawing (H, W) for class ``picked`` (None: the predicted
    class) at ``layer`` (None: the engine's default). ``smooth``: None for the plain saliency,
    or ``(noise, n)`` for SmoothGrad (the mean gradient of ``n`` noisy copies, seed 0).
    Returns probabilities (K,), predicted, target, saliency (H, W), saliency_max, smooth, and
    cam (H, W) / cam_raw_max / cam_layer, or cam_error (the engine's ValueError, a coded
    message the panel renders with ``engine_message``) where Grad-CAM does not apply."""
    x = input_batch(image)   # (H, W) or (H, W, 3) -> (1, C, H, W)
    proba = model.predict_proba(x)[0]
    predicted = int(np.argmax(proba))
    target = ExplainChoices.target(predicted, picked)
    if smooth is None:
        sal = E.saliency(model, x, target)
    else:
        noise, n = smooth
        sal = E.smoothgrad(model, x, target, noise=float(noise), n=int(n), seed=0)
    out = {"probabilities": proba, "predicted": predicted, "target": target,
           "saliency": sal, "saliency_max": float(sal.max()), "smooth": smooth}
    try:
        cam = E.grad_cam(model, x, target, layer)
    except ValueError as exc:
        out["cam_error"] = exc   # rendered in the GUI thread, in the language of the moment
    else:
        out.update(cam=cam.map, cam_raw_max=cam.raw_max, cam_layer=cam.layer)
    return out


def sanity_job(image, target, layer, method, seed, model) -> dict:
    """The same map (``method`` "saliency" or "gradcam") on the trained model and on a copy
    with every layer re-initialised (seed): trained (H, W), random (H, W), correlation."""
    x = input_batch(image)   # (H, W) or (H, W, 3) -> (1, C, H, W)
    rand = E.randomised_copy(model, seed)

    def one(m):
        if method == "saliency":
            return E.saliency(m, x, target)
        return E.grad_cam(m, x, target, layer).map

    trained, random = one(model), one(rand)
    return {"method": method, "trained": trained, "random": random,
            "correlation": correlation(trained, random)}


class ActMaxRun:
    """One activation-maximisation run advanced a chunk of steps per engine request.

    ``advance(model, n)`` runs in the engine thread; the generator is made there on first use
    and belongs to that model (a different live model restarts it: ``restarted`` is set).
    ``objectives`` (list of floats) grows by one per step; ``image`` is (C, H, W) in [0, 1].
    """

    def __init__(self, *, steps: int, layer=None, channel=None, target=None, seed=0,
                 l2=0.01, blur=0.5, jitter=2):
        if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
            raise ValueError(f"act-max steps must be a positive int, got {steps!r}")
        self.steps = int(steps)
        self.options = dict(layer=layer, channel=channel, target=target, seed=int(seed),
                            l2=float(l2), blur=float(blur), jitter=int(jitter))
        self._gen = None
        self._model = None
        self.step = 0
        self.image = None
        self.objectives: list[float] = []
        self.restarted = False

    def __repr__(self) -> str:
        return f"ActMaxRun(step={self.step}/{self.steps}, {self.options})"

    @property
    def done(self) -> bool:
        return self.step >= self.steps

    def advance(self, model, n: int) -> dict:
        """Run up to ``n`` more steps on ``model``; returns step, steps, image (C, H, W) and
        the objectives so far (a copy)."""
        if self._gen is None or self._model is not model:
            self.restarted = self._gen is not None
            self._model = model
            self._gen = E.maximise_activation_steps(model, steps=self.steps, **self.options)
            self.step, self.objectives = 0, []
        for _ in range(int(n)):
            if self.done:
                break
            self.step, self.image, objective = next(self._gen)
            self.objectives.append(objective)
        return {"step": self.step, "steps": self.steps, "image": self.image,
                "objectives": np.array(self.objectives), "done": self.done}


class GridRun:
    """Activation-maximisation images for a list of objectives (``dict(layer=, channel=)`` or
    ``dict(target=)``), one after the other, advanced a chunk of steps per engine request.

    ``advance(model, n)`` runs in the engine thread. ``images`` holds the finished images
    (C, H, W) in [0, 1], in the order of ``objectives``; each is what :class:`ActMaxRun` (and
    ``maximise_activation`` with the same settings) gives for that objective alone.
    """

    def __init__(self, objectives, *, steps: int, seed=0, l2=0.01, blur=0.5, jitter=2):
        self.objectives = [dict(o) for o in objectives]
        if not self.objectives:
            raise ValueError("a grid run needs at least one objective")
        self.steps = int(steps)
        self.options = dict(seed=seed, l2=l2, blur=blur, jitter=jitter)
        ActMaxRun(steps=self.steps, **self.options)  # checks the settings now
        self.images: list[np.ndarray] = []
        self._run: ActMaxRun | None = None

    def __repr__(self) -> str:
        return f"GridRun({len(self.images)}/{len(self.objectives)} images, steps={self.steps})"

    @property
    def done(self) -> bool:
        return len(self.images) >= len(self.objectives)

    def advance(self, model, n: int) -> dict:
        """Run up to ``n`` steps in all (finishing images as they complete); returns done (how
        many images are finished), total, images (the finished ones), finished (all done)."""
        left = int(n)
        while left > 0 and not self.done:
            if self._run is None:
                objective = self.objectives[len(self.images)]
                self._run = ActMaxRun(steps=self.steps, **self.options, **objective)
            before = self._run.step
            out = self._run.advance(model, left)
            ran = out["step"] - before
            if self._run.done:
                self.images.append(out["image"])
                self._run = None
            if ran <= 0:
                break
            left -= ran
        return {"done": len(self.images), "total": len(self.objectives),
                "images": list(self.images), "finished": self.done}


def map_images(dataset, limit: int = MAX_MAP_IMAGES):
    """The first ``limit`` test images (n, C, H, W) float32 and labels (n,) of a data set."""
    n = min(int(limit), int(dataset.n_test))
    if n == 0:
        raise ValueError(f"the data set {dataset.name} has no test images")
    return dataset.batch("test", np.arange(n))


def top_activating_job(images, layer, channel, target, model, k=9) -> np.ndarray:
    """Indices (k,) of the images (N, C, H, W) that excite ``layer``'s ``channel`` most (by
    mean activation), or, for a class ``target``, that give its logit the highest value."""
    if target is not None:
        logits_layer = model.layers[-1].name
        return E.top_activating(model, images, logits_layer, int(target), k=k)
    return E.top_activating(model, images, layer, int(channel), k=k)


def features_job(images, layer, model) -> dict:
    """Features (N, D) of the images (N, C, H, W) at ``layer`` (None: the penultimate layer)
    and their PCA map (points (N, 2), explained variance ratio (2,))."""
    feats = E.feature_vectors(model, images, layer)
    pca = E.embed(feats, "pca")
    return {"features": feats, "map": pca, "points": pca.points}


def place_drawing_job(image, features, pixels, space_map, layer, model) -> dict:
    """The drawing (H, W) in the feature map: its point (2,) placed with ``space_map``'s
    ``transform``, and the 5 nearest test images by feature distance (``features`` (N, D), at
    ``layer``, None: the penultimate one) and by pixel distance (``pixels`` (N, P))."""
    x = input_batch(image)   # (H, W) or (H, W, 3) -> (1, C, H, W)
    f = E.feature_vectors(model, x, layer)
    point = space_map.transform(f)[0]
    return {"point": point,
            "near_features": E.nearest(features, f[0], k=min(5, len(features))),
            "near_pixels": E.nearest(pixels, x.reshape(-1), k=min(5, len(pixels)))}


def display_image(image, stretch: bool = True) -> np.ndarray:
    """One image (C, H, W) as a picture to show: ``(H, W)`` for one channel, ``(H, W, 3)`` in
    colour for three (any other count: the channel mean). With ``stretch`` (activation-
    maximisation images, whose values sit in a narrow band around grey) the picture is scaled
    per image so its smallest value is 0 and its largest 1, all channels by the same amount so
    the colours keep their balance; a flat image becomes mid-grey 0.5."""
    shown = np.asarray(from_chw(np.asarray(image, dtype=np.float64)))
    return _stretched(shown) if stretch else shown


def _stretched(values: np.ndarray) -> np.ndarray:
    """``values`` scaled together so the smallest is 0 and the largest 1 (flat: all 0.5)."""
    lo, hi = float(values.min()), float(values.max())
    if hi - lo <= 1e-12:
        return np.full_like(values, 0.5)
    return (values - lo) / (hi - lo)


def actmax_views(image) -> tuple[list[np.ndarray], list[str | int]]:
    """What the "What a filter wants" view shows of an act-max image (C, H, W), and what each
    cell is: for a colour image the stretched colour picture (``"colour"``) and then its red,
    green and blue channels (0, 1, 2) in grey on the same scale, so a bright R cell means much
    red; for one channel the picture alone, as it is (``"grey"``: black is 0 and white 1, as
    a digit's pixels); else each channel (its index), stretched together."""
    image = np.asarray(image, dtype=np.float64)
    c = image.shape[0]
    if c == 1:
        return [image[0]], ["grey"]
    scaled = _stretched(image)
    planes = [scaled[k] for k in range(c)]
    if c == 3:
        return [from_chw(scaled)] + planes, ["colour", 0, 1, 2]
    return planes, list(range(c))
