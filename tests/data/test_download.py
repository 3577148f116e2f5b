"""Downloads against a real HTTP server on loopback (http.server in a thread, no outside
network)."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from explorer.data.catalogue import CATALOGUE, CatalogueEntry, RemoteFile, catalogue_entry
from explorer.data.download import (
    DownloadCancelled,
    DownloadError,
    DownloadProgress,
    cached_datasets,
    download_dataset,
    format_bytes,
    format_eta,
    is_cached,
)
from tests.cli_locale import english_cli  # noqa: F401 (autouse: the CLI speaks English here)


class _Handler(BaseHTTPRequestHandler):
    """Serves ``server.files``; ``server.plans[path]`` lists what to do on successive requests."""

    def log_message(self, *args):  # keep the test output clean
        pass

    def do_GET(self):
        srv = self.server
        with srv.lock:
            srv.requests.append((self.path, self.headers.get("Range")))
            plan = srv.plans.get(self.path, [])
            action = plan.pop(0) if plan else "ok"
        data = srv.files.get(self.path)
        if action == "404" or data is None:
            self.send_error(404, "Not Found")
            return
        if action == "corrupt":
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        start = 0
        rng = self.headers.get("Range")
        if rng and action != "ignore_range":
            start = int(rng.split("=")[1].split("-")[0])
            if action == "wrong_offset":  # a broken server: answers 206 from another place
                start = max(0, start - 10)
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if action.startswith("stall:"):  # send part of the body, then fall silent
            self.wfile.write(body[: int(action[6:])])
            self.wfile.flush()
            srv.release.wait(30)
            self.close_connection = True
            return
        if action.startswith("drop:"):  # promise the whole body, send part of it, hang up
            self.wfile.write(body[: int(action[5:])])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.files, srv.plans, srv.requests, srv.lock = {}, {}, [], threading.Lock()
    srv.release = threading.Event()  # ends the "stall:" answers
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    srv.base = f"http://127.0.0.1:{srv.server_address[1]}"
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def _make_entry(server, sizes=(300_000, 5_000), mirrors=("a", "b")):
    """A two-file catalogue entry served under ``/<mirror>/``; returns (entry, contents)."""
    rng = np.random.default_rng(7)
    files, contents = [], {}
    for i, size in enumerate(sizes):
        data = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
        name = f"file{i}.gz"
        contents[name] = data
        files.append(RemoteFile(name, size, hashlib.md5(data).hexdigest()))
        for m in mirrors:
            server.files[f"/{m}/{name}"] = data
    entry = CatalogueEntry(
        key="testset", title="Test set", description="", homepage="", licence="MIT",
        attribution="made by the test", class_names=tuple("0123456789"),
        mirrors=tuple(f"{server.base}/{m}/" for m in mirrors), files=tuple(files),
    )
    return entry, contents


def _fetch(entry, tmp_path, **kw):
    kw.setdefault("backoff", 0)
    kw.setdefault("timeout", 5)
    return download_dataset(entry, tmp_path, **kw)


def test_good_download_reports_progress_and_is_never_fetched_again(server, tmp_path):
    entry, contents = _make_entry(server)
    seen: list[DownloadProgress] = []
    folder = _fetch(entry, tmp_path, progress=seen.append)
    assert folder == tmp_path / "testset"
    for name, data in contents.items():
        assert (folder / name).read_bytes() == data
    assert "made by the test" in (folder / "README.txt").read_text()
    assert not (tmp_path / "testset.part").exists()
    assert is_cached(tmp_path, entry)
    # progress: bytes of the whole set, never going back, ending complete
    assert seen and all(p.total == entry.total_size for p in seen)
    dones = [p.done for p in seen]
    assert dones == sorted(dones) and dones[-1] == entry.total_size
    assert seen[-1].fraction == 1.0
    assert {p.file for p in seen} == set(contents)
    assert "of" in seen[-1].describe()
    n_requests = len(server.requests)
    assert n_requests == 2
    # a cached set is never fetched again
    assert _fetch(entry, tmp_path) == folder
    assert len(server.requests) == n_requests


def test_checksum_mismatch_is_rejected_and_leaves_nothing(server, tmp_path):
    entry, _ = _make_entry(server, mirrors=("a",))
    server.plans["/a/file0.gz"] = ["corrupt"] * 3
    with pytest.raises(DownloadError, match="MD5") as info:
        _fetch(entry, tmp_path)
    assert "file0.gz" in str(info.value) and "try again" in str(info.value)
    assert list(tmp_path.iterdir()) == []  # no data set, no partial file, no empty folder
    assert not is_cached(tmp_path, entry)


def test_corrupt_first_mirror_falls_back_to_the_second(server, tmp_path):
    entry, contents = _make_entry(server)
    server.plans["/a/file0.gz"] = ["corrupt"]
    folder = _fetch(entry, tmp_path)
    assert (folder / "file0.gz").read_bytes() == contents["file0.gz"]


def test_dropped_connection_resumes_with_a_range_request(server, tmp_path):
    entry, contents = _make_entry(server, mirrors=("a",))
    server.plans["/a/file0.gz"] = ["drop:100000"]
    folder = _fetch(entry, tmp_path)
    assert (folder / "file0.gz").read_bytes() == contents["file0.gz"]
    ranges = [r for p, r in server.requests if p == "/a/file0.gz"]
    assert ranges == [None, "bytes=100000-"]


def test_dropped_connection_restarts_when_the_server_ignores_range(server, tmp_path):
    entry, contents = _make_entry(server, mirrors=("a",))
    server.plans["/a/file0.gz"] = ["drop:100000", "ignore_range"]
    folder = _fetch(entry, tmp_path)
    assert (folder / "file0.gz").read_bytes() == contents["file0.gz"]


def test_connection_that_keeps_dropping_never_yields_a_half_set(server, tmp_path):
    entry, _ = _make_entry(server, mirrors=("a",))
    server.plans["/a/file1.gz"] = ["drop:1000"] * 2
    with pytest.raises(DownloadError, match="connection closed") as info:
        _fetch(entry, tmp_path, attempts=2)
    assert "attempt 2" in str(info.value)
    assert not (tmp_path / "testset").exists()
    # the verified first file is kept for next time under its final name, the rest as .part
    kept = sorted(p.name for p in (tmp_path / "testset.part").iterdir())
    assert kept == ["file0.gz", "file1.gz.part"]
    # ... and the next attempt fetches only what is missing, resuming the partial file
    before = len(server.requests)
    _fetch(entry, tmp_path)
    assert server.requests[before:] == [("/a/file1.gz", "bytes=2000-")]
    assert is_cached(tmp_path, entry)


def test_404_on_the_first_mirror_uses_the_second(server, tmp_path):
    entry, contents = _make_entry(server)
    for name in contents:
        del server.files[f"/a/{name}"]
    folder = _fetch(entry, tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "file0.gz", "file1.gz"]
    # the mirror that worked is tried first for the next file: the 404 mirror is asked once
    assert [p for p, _ in server.requests] == ["/a/file0.gz", "/b/file0.gz", "/b/file1.gz"]


def test_every_mirror_404_says_so(server, tmp_path):
    entry, _ = _make_entry(server)
    server.files.clear()
    with pytest.raises(DownloadError, match="HTTP 404"):
        _fetch(entry, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_unreachable_mirror_is_reported(tmp_path):
    entry = CatalogueEntry(
        key="nowhere", title="Nowhere", description="", homepage="", licence="", attribution="",
        class_names=tuple("0123456789"), mirrors=("http://127.0.0.1:9/",),
        files=(RemoteFile("f.gz", 10, "0" * 32),),
    )
    with pytest.raises(DownloadError, match="cannot connect"):
        download_dataset(entry, tmp_path, attempts=1, backoff=0, timeout=2)


def test_cancel_stops_without_a_data_set(server, tmp_path):
    entry, _ = _make_entry(server, sizes=(2_000_000, 5_000))
    cancel = threading.Event()

    def on_progress(p):
        cancel.set()  # as if the user pressed Cancel while the first bytes arrive

    with pytest.raises(DownloadCancelled, match="cancelled"):
        _fetch(entry, tmp_path, progress=on_progress, cancel=cancel)
    assert not (tmp_path / "testset").exists()
    part = tmp_path / "testset.part"
    assert not (part / "file0.gz").exists()  # never under its final name unverified
    # after a cancel a new download completes (resuming whatever was written)
    folder = _fetch(entry, tmp_path)
    assert is_cached(tmp_path, entry) and folder.exists()


def test_cancel_while_the_server_stalls_mid_file_is_prompt(server, tmp_path):
    """A server that stops sending in the middle of a file: the read would block until the
    socket timeout (here 60 s); a cancel shuts the socket down and ends it at once."""
    import time

    entry, _ = _make_entry(server, sizes=(300_000, 5_000), mirrors=("a",))
    server.plans["/a/file0.gz"] = ["stall:100000"]
    cancel = threading.Event()
    seen, outcome = [], {}

    def run():
        try:
            _fetch(entry, tmp_path, cancel=cancel, timeout=60, progress=seen.append)
        except Exception as exc:  # noqa: BLE001 - checked below
            outcome["error"] = exc
        outcome["end"] = time.perf_counter()

    thread = threading.Thread(target=run)
    thread.start()
    part = tmp_path / "testset.part" / "file0.gz.part"
    deadline = time.perf_counter() + 20
    # the first 64 KB chunk is on disk: the next read now waits in the server's silence
    while not (part.is_file() and part.stat().st_size >= 65536):
        assert time.perf_counter() < deadline, "the download never began"
        time.sleep(0.01)
    cancelled_at = time.perf_counter()
    cancel.set()
    thread.join(45)
    assert not thread.is_alive()
    assert isinstance(outcome["error"], DownloadCancelled)
    # ended by the cancel, not by the 60 s socket timeout (generous: a loaded machine passes)
    assert outcome["end"] - cancelled_at < 30.0
    assert part.stat().st_size >= 65536  # what was read is kept for the next run
    assert not (tmp_path / "testset").exists()


def test_catalogue_is_complete_and_consistent():
    expected_names = {
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    }
    assert set(CATALOGUE) == {"mnist", "fashion-mnist", "kmnist", "cifar-10"}
    for entry in CATALOGUE.values():
        if entry.layout == "cifar10-binary":  # one tarball from its one official host
            assert [f.name for f in entry.files] == ["cifar-10-binary.tar.gz"]
        else:
            assert entry.layout == "idx" and {f.name for f in entry.files} == expected_names
            assert len(entry.mirrors) >= 2
        assert all(m.endswith("/") for m in entry.mirrors)
        assert all(len(f.md5) == 32 and int(f.md5, 16) >= 0 for f in entry.files)
        assert len(entry.class_names) == 10 and entry.licence and entry.attribution
    assert catalogue_entry("Fashion_MNIST").key == "fashion-mnist"
    assert catalogue_entry("CIFAR10").key == "cifar-10"
    with pytest.raises(ValueError, match="mnist, fashion-mnist, kmnist, cifar-10"):
        catalogue_entry("emnist")


def test_cached_datasets_lists_only_complete_sets(tmp_path):
    assert cached_datasets(tmp_path) == []
    (tmp_path / "mnist").mkdir()
    (tmp_path / "mnist" / "train-images-idx3-ubyte.gz").write_bytes(b"x")
    assert cached_datasets(tmp_path) == []


def test_formatting():
    assert format_bytes(512) == "512 B"
    assert format_bytes(1_500) == "1.5 KB"
    assert format_bytes(26_421_880) == "26.4 MB"
    assert format_eta(5) == "5 s"
    assert format_eta(75) == "1 min 15 s"
    assert format_eta(7_300) == "2 h 01 min"


# --- the command line: python main.py data download NAME -------------------------------------


def _patch_mnist(server, monkeypatch):
    """Serve the built-in subset as "mnist" on the loopback server."""
    from explorer.paths import BUILTIN_DATA

    files = []
    for f in CATALOGUE["mnist"].files:
        data = (BUILTIN_DATA / f.name).read_bytes()
        server.files[f"/m/{f.name}"] = data
        files.append(RemoteFile(f.name, len(data), hashlib.md5(data).hexdigest()))
    entry = CatalogueEntry(**{**CATALOGUE["mnist"].__dict__,
                              "mirrors": (f"{server.base}/m/",), "files": tuple(files)})
    monkeypatch.setitem(CATALOGUE, "mnist", entry)


def test_cli_download_then_list_then_load(server, tmp_path, monkeypatch, capsys):
    from explorer.cli import main
    from explorer.cli_data import register
    from explorer.data import load_dataset
    from explorer.data.cache import set_cache_dir

    _patch_mnist(server, monkeypatch)
    register()
    try:
        assert main(["data", "download", "mnist", "--dir", str(tmp_path)]) == 0
        out, err = capsys.readouterr()
        assert out.strip() == str(tmp_path / "mnist")
        assert "Downloading MNIST" in err and "of" in err and "LeCun" in err
        assert load_dataset("mnist").n_train == 3000
        assert main(["data", "list"]) == 0
        out, _ = capsys.readouterr()
        assert f"downloaded: {tmp_path / 'mnist'}" in out and "built in: " in out
        # a second download fetches nothing
        before = len(server.requests)
        assert main(["data", "download", "mnist", "--dir", str(tmp_path)]) == 0
        assert "already downloaded" in capsys.readouterr().err
        assert len(server.requests) == before
        # an unknown name is one clear line, exit status 2
        assert main(["data", "download", "emnist", "--dir", str(tmp_path)]) == 2
        assert "error: Unknown data set 'emnist'" in capsys.readouterr().err
    finally:
        set_cache_dir(None)


def test_cli_download_failure_is_one_error(server, tmp_path, monkeypatch, capsys):
    from explorer.cli import main
    from explorer.cli_data import register
    from explorer.data.cache import set_cache_dir

    _patch_mnist(server, monkeypatch)
    server.files.clear()
    register()
    try:
        assert main(["data", "download", "mnist", "--dir", str(tmp_path), "--quiet"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: Could not download train-images-idx3-ubyte.gz")
        assert "HTTP 404" in err
    finally:
        set_cache_dir(None)


def test_resume_at_a_wrong_offset_starts_again(server, tmp_path):
    entry, contents = _make_entry(server, mirrors=("a",))
    server.plans["/a/file0.gz"] = ["drop:100000", "wrong_offset"]
    folder = _fetch(entry, tmp_path)
    assert (folder / "file0.gz").read_bytes() == contents["file0.gz"]
    ranges = [r for p, r in server.requests if p == "/a/file0.gz"]
    assert ranges == [None, "bytes=100000-", None]


@pytest.mark.parametrize("cut", [0, 1, 65_536, 65_537, 299_999])
def test_drop_at_any_offset_ends_with_the_exact_file(server, tmp_path, cut):
    entry, contents = _make_entry(server, mirrors=("a",))
    server.plans["/a/file0.gz"] = [f"drop:{cut}", f"drop:{cut // 2}"]
    folder = _fetch(entry, tmp_path)
    assert (folder / "file0.gz").read_bytes() == contents["file0.gz"]
    assert not list(folder.glob("*.part"))
