"""The helper process (explorer.second_process): jobs and their arrays go there and back, and
whatever goes wrong there (a failing job, a dropped job, a dead process) ends in Unavailable,
after which the caller does the work itself; a split batch's gradients stay right."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pytest

from explorer import second_process
from explorer.engine import build_model
from explorer.second_process import SecondProcess, Unavailable


#: An augment job's settings that leave the images as they are.
UNCHANGED = {"seed": [0], "params": {"max_shift": 0.0, "max_rotation": 0.0,
                                     "scale_range": [1.0, 1.0], "thickness_range": [0.0, 0.0]}}


@pytest.fixture
def proc(monkeypatch):
    """A private helper process (killing it must not break the shared one)."""
    monkeypatch.setattr(second_process, "enabled", True)
    p = SecondProcess()
    yield p
    p.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie (ended, not yet reaped) counts as ended
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def test_a_job_runs_in_another_process_without_qt(proc):
    meta, out = proc.result(proc.submit("ping", {}, {}, {}))
    assert meta["pid"] != os.getpid() and meta["qt"] is False
    assert out == {} and proc.jobs_done == 1 and proc.running


def test_augment_job_equals_the_same_generator_here(proc):
    from explorer.data import AugmentParams, augment_batch

    images = np.random.default_rng(0).integers(0, 256, (5, 28, 28)).astype(np.uint8)
    params = AugmentParams(max_rotation=20.0, scale_range=(0.9, 1.2))
    meta = {"seed": [1, 3, 0, 4], "params": {"max_shift": 2.0, "max_rotation": 20.0,
                                             "scale_range": [0.9, 1.2],
                                             "thickness_range": [-0.4, 0.8]}}
    _, out = proc.result(proc.submit("augment", meta, {"images": images},
                                     {"out": (np.float32, images.shape)}))
    here = augment_batch(images, np.random.default_rng([1, 3, 0, 4]), params)
    np.testing.assert_array_equal(out["out"], here)


def test_a_failing_job_says_why_and_the_process_stays_usable(proc):
    ticket = proc.submit("no_such_job", {}, {}, {})
    with pytest.raises(Unavailable, match="no_such_job"):
        proc.result(ticket)
    assert proc.result(proc.submit("ping", {}, {}, {}))[0]["pid"]


def test_two_jobs_may_be_out_and_a_third_drops_the_oldest(proc):
    """Two jobs are out at once (each in its own slot of scratch files) and answered in the
    order sent; a third drops the oldest's answer, and so does asking for a later one first."""
    images = np.random.default_rng(2).random((2, 28, 28)).astype(np.float32)
    spec = {"out": (np.float32, images.shape)}
    first = proc.submit("augment", UNCHANGED, {"images": images}, spec)
    second = proc.submit("augment", UNCHANGED, {"images": images[::-1].copy()}, spec)
    np.testing.assert_allclose(proc.result(first)[1]["out"], images, atol=1e-6)
    np.testing.assert_allclose(proc.result(second)[1]["out"], images[::-1], atol=1e-6)

    first = proc.submit("ping", {}, {}, {})
    second = proc.submit("augment", UNCHANGED, {"images": images}, spec)
    third = proc.submit("augment", UNCHANGED, {"images": images[::-1].copy()}, spec)
    with pytest.raises(Unavailable):
        proc.result(first)  # its answer was collected and dropped when `third` was sent
    np.testing.assert_allclose(proc.result(third)[1]["out"], images[::-1], atol=1e-6)
    with pytest.raises(Unavailable):
        proc.result(second)  # a later job's answer was asked for first
    assert proc.result(proc.submit("ping", {}, {}, {}))[0]["pid"]


def test_bigger_jobs_grow_the_scratch_files(proc):
    for n in (1, 300, 2):  # ~900 kB of images at 300
        images = np.random.default_rng(n).random((n, 28, 28)).astype(np.float32)
        _, out = proc.result(proc.submit("augment", UNCHANGED, {"images": images},
                                         {"out": (np.float32, images.shape)}))
        np.testing.assert_allclose(out["out"], images, atol=1e-6)


def test_kinds_of_job_alternating_keep_their_own_layouts(proc):
    """Layouts and views are kept per kind of job (names, dtypes, shapes), on both sides:
    alternating shapes, dtypes and a file that grew in between, every answer is its own."""
    rng = np.random.default_rng(3)
    for n, dtype in ((3, np.float32), (5, np.float32), (3, np.float64), (300, np.float32),
                     (3, np.float32), (5, np.float32), (3, np.float64)):
        images = rng.random((n, 28, 28)).astype(dtype)
        _, out = proc.result(proc.submit("augment", UNCHANGED, {"images": images},
                                         {"out": (np.float32, images.shape)}))
        np.testing.assert_allclose(out["out"], images, atol=1e-6)
    assert len(proc._plans) == 4


def test_results_as_views_last_until_the_next_job(proc):
    """copy=False answers with views of the scratch file (the next job overwrites them);
    the default answers with copies that stay."""
    first, second = (np.full((2, 28, 28), v, np.float32) for v in (0.25, 0.5))
    spec = {"out": (np.float32, first.shape)}
    _, kept = proc.result(proc.submit("augment", UNCHANGED, {"images": first}, spec))
    _, view = proc.result(proc.submit("augment", UNCHANGED, {"images": first}, spec),
                          copy=False)
    np.testing.assert_allclose(view["out"], 0.25, atol=1e-6)
    proc.result(proc.submit("augment", UNCHANGED, {"images": second}, spec))
    np.testing.assert_allclose(view["out"], 0.5, atol=1e-6)  # overwritten by the next answer
    np.testing.assert_allclose(kept["out"], 0.25, atol=1e-6)


def test_split_batches_in_either_slot_use_the_weights_of_their_own_job(proc, monkeypatch):
    """A split batch whose job lands in the second slot (the first one busy), then one in the
    first slot after the weights changed, both give the one-pass gradients: the child never
    computes with the weights of another job."""
    monkeypatch.setattr(second_process, "_shared", proc)
    model = build_model("lenet5", seed=0, dtype=np.float64)
    rng = np.random.default_rng(1)
    x, y = rng.random((64, 1, 28, 28)), rng.integers(0, 10, 64)
    images = rng.random((2, 28, 28)).astype(np.float32)
    for step in range(3):
        if step == 1:  # the first slot is busy: the second half goes to the second
            proc.submit("augment", UNCHANGED, {"images": images},
                        {"out": (np.float32, images.shape)})
        loss, grads = model.loss_and_gradients(x, y, threads=1)
        grads = {k: v.copy() for k, v in grads.items()}
        loss2, grads2 = model.loss_and_gradients(x, y, threads=2)
        assert loss2 == pytest.approx(loss, rel=1e-12)
        for key in grads:
            np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-10, atol=1e-14,
                                       err_msg=f"step {step}: {key}")
        for params in model.parameters().values():  # new weights for the next batch
            params *= 0.9
    assert proc.jobs_done == 3


def test_a_dead_process_is_given_up_and_a_split_batch_is_still_right(proc, monkeypatch):
    monkeypatch.setattr(second_process, "_shared", proc)
    model = build_model("lenet5", seed=0, dtype=np.float64)
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 1, 28, 28)), rng.integers(0, 10, 64)
    loss, grads = model.loss_and_gradients(x, y, threads=1)
    grads = {k: v.copy() for k, v in grads.items()}
    assert model.loss_and_gradients(x, y, threads=2)[0] == pytest.approx(loss, rel=1e-12)
    assert proc.jobs_done == 1
    proc._proc.kill()
    proc._proc.wait()
    for _ in range(2):  # the first notices the death, the second never tries the process
        loss2, grads2 = model.loss_and_gradients(x, y, threads=2)
        assert loss2 == pytest.approx(loss, rel=1e-12)
        for key in grads:
            np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-10, atol=1e-14)
    assert proc.jobs_done == 1 and not proc.running
    with pytest.raises(Unavailable):
        proc.submit("ping", {}, {}, {})


def test_a_model_first_split_while_the_process_was_off_is_built_there_later(proc,
                                                                             monkeypatch):
    """The spec goes with the first job that reaches the child, not with the first try (a
    model split while the process was off, then on, had its jobs fail there for good)."""
    monkeypatch.setattr(second_process, "_shared", proc)
    model = build_model("lenet5", seed=0, dtype=np.float64)
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 1, 28, 28)), rng.integers(0, 10, 64)
    monkeypatch.setattr(second_process, "enabled", False)
    model.loss_and_gradients(x, y, threads=2)  # the helper thread
    monkeypatch.setattr(second_process, "enabled", True)
    for _ in range(2):
        model.loss_and_gradients(x, y, threads=2)
    assert proc.jobs_done == 2
    other = build_model("simple_convnet", seed=0, dtype=np.float64)  # a second model
    other.loss_and_gradients(x, y, threads=2)
    model.loss_and_gradients(x, y, threads=2)
    assert proc.jobs_done == 4


def test_a_job_for_a_model_never_sent_says_so(proc):
    with pytest.raises(Unavailable, match="spec never came"):
        proc.result(proc.submit("gradients", {"model": 7, "spec": None}, {}, {}))


def test_the_bell_counts_every_message_both_ways(proc):
    """Jobs sent and answers written are counted in the shared page the two processes poll
    before they block on the pipe, one for one with the messages (dropped answers too)."""
    images = np.random.default_rng(4).random((2, 28, 28)).astype(np.float32)
    spec = {"out": (np.float32, images.shape)}
    for _ in range(3):
        proc.result(proc.submit("ping", {}, {}, {}))
    proc.submit("ping", {}, {}, {})
    proc.submit("augment", UNCHANGED, {"images": images}, spec)
    last = proc.submit("ping", {}, {}, {})  # collects and drops the first of the two
    proc.result(last)  # and the augment job's answer is dropped for this one
    bell = proc._bell.count
    assert bell[0] == bell[1] == proc._sent == proc._answered == 6


def test_a_bell_out_of_step_costs_time_not_answers(proc):
    """The counters are a hint: the parent polling for an answer the bell never counts waits
    its spin out and then reads the pipe, and the answer is the job's own."""
    images = np.random.default_rng(6).random((2, 28, 28)).astype(np.float32)
    spec = {"out": (np.float32, images.shape)}
    proc.result(proc.submit("ping", {}, {}, {}))  # started: the bell exists
    proc._bell.spin = 0.02  # the parent's polling (the child's came with its start)
    proc._answered += 100  # the bell now seems never to ring
    _, out = proc.result(proc.submit("augment", UNCHANGED, {"images": images}, spec))
    np.testing.assert_allclose(out["out"], images, atol=1e-6)
    proc._sent -= 100  # and the child's: it polls its spin out for every job, then reads
    _, out = proc.result(proc.submit("augment", UNCHANGED, {"images": images[::-1].copy()},
                                     spec))
    np.testing.assert_allclose(out["out"], images[::-1], atol=1e-6)


def test_without_polling_or_a_bell_every_read_blocks_and_jobs_still_run(monkeypatch):
    """spin=0 (both sides block on the pipe at once), and a child given no usable bell."""
    from explorer.second_process_child import _bell

    monkeypatch.setattr(second_process, "enabled", True)
    p = SecondProcess(spin=0.0)
    try:
        images = np.ones((2, 28, 28), np.float32)
        _, out = p.result(p.submit("augment", UNCHANGED, {"images": images},
                                   {"out": (np.float32, images.shape)}))
        np.testing.assert_array_equal(out["out"], images)
    finally:
        p.close()
    assert _bell([]) is None and _bell(["/no/such/bell", "0.002"]) is None
    assert _bell([os.devnull, "not a number"]) is None


def test_no_file_is_left_and_close_ends_the_process(proc):
    """The scratch files' names are deleted once the child has mapped them (the memory stays
    mapped in both processes), so not even a crash leaves one behind."""
    first, second = proc.submit("ping", {}, {}, {}), proc.submit("ping", {}, {}, {})
    proc.result(first), proc.result(second)  # two jobs out at once: both slots' files
    pid = proc._proc.pid
    paths = [f.path for slot in proc._slots for f in slot] + [proc._bell.path]
    if os.name != "nt":
        assert not any(os.path.exists(p) for p in paths)
    images = np.ones((3, 28, 28), np.float32)  # still working through the mappings
    meta = UNCHANGED
    _, out = proc.result(proc.submit("augment", meta, {"images": images},
                                     {"out": (np.float32, images.shape)}))
    np.testing.assert_array_equal(out["out"], images)
    proc.close()
    assert not any(os.path.exists(p) for p in paths)
    assert not _alive(pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_process_ends_when_its_parent_dies_abruptly():
    code = ("import os, sys\n"
            "from explorer.second_process import SecondProcess\n"
            "p = SecondProcess()\n"
            "p.result(p.submit('ping', {}, {}, {}))\n"
            "print(p._proc.pid, flush=True)\n"
            "os._exit(0)\n")  # no atexit, no close: only the pipe's end tells the child
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folder = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    before = {f for f in os.listdir(folder) if f.startswith("explorer-")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=root, timeout=60)
    pid = int(out.stdout.split()[-1])
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
    assert {f for f in os.listdir(folder) if f.startswith("explorer-")} <= before


def test_quitting_with_a_job_out_ends_the_child_quietly():
    """A parent that closes the process while a job is out (the app quit mid-batch): the child
    finds nobody to answer and ends without a traceback on the shared stderr."""
    code = ("from explorer import second_process\n"
            "second_process.enabled = True\n"
            "p = second_process.SecondProcess()\n"
            "p.result(p.submit('ping', {}, {}, {}))\n"
            "p.submit('ping', {}, {}, {})\n"
            "p.close()\n"
            "print('closed', flush=True)\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=root, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "closed"
    assert "Traceback" not in out.stderr and "Error" not in out.stderr, out.stderr
