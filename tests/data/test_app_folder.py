"""The app's per-user folder has one "CNN Explorer" in its path; an older version's folder
(``CNN Explorer/CNN Explorer``, Qt's organisation/application pair) is moved, not forgotten."""

from explorer.data.cache import app_data_dir, datasets_dir, default_cache_dir


def test_a_fresh_user_gets_one_app_name(tmp_path):
    assert datasets_dir(tmp_path) == tmp_path / "CNN Explorer" / "datasets"
    assert not (tmp_path / "CNN Explorer" / "CNN Explorer").exists()


def test_an_older_folder_is_moved_up_with_everything_in_it(tmp_path):
    old = tmp_path / "CNN Explorer" / "CNN Explorer"
    (old / "datasets" / "mnist").mkdir(parents=True)
    (old / "datasets" / "mnist" / "train-images-idx3-ubyte.gz").write_bytes(b"idx")
    (old / "my-kernels.json").write_text("[]")
    folder = datasets_dir(tmp_path)
    assert folder == tmp_path / "CNN Explorer" / "datasets"
    assert (folder / "mnist" / "train-images-idx3-ubyte.gz").read_bytes() == b"idx"
    assert (tmp_path / "CNN Explorer" / "my-kernels.json").read_text() == "[]"
    assert not old.exists()
    assert datasets_dir(tmp_path) == folder   # a second start changes nothing


def test_a_taken_name_leaves_the_old_entry_where_it_was(tmp_path):
    old = tmp_path / "CNN Explorer" / "CNN Explorer"
    (old / "datasets").mkdir(parents=True)
    (old / "my-kernels.json").write_text("old")
    new = tmp_path / "CNN Explorer"
    (new / "my-kernels.json").write_text("new")
    assert app_data_dir(tmp_path) == new
    assert (new / "my-kernels.json").read_text() == "new"     # not overwritten
    assert (old / "my-kernels.json").read_text() == "old"     # not lost either
    assert (new / "datasets").is_dir() and not (old / "datasets").exists()


def test_an_old_data_folder_that_could_not_move_is_still_read(tmp_path, monkeypatch):
    old = tmp_path / "CNN Explorer" / "CNN Explorer" / "datasets"
    old.mkdir(parents=True)

    def refuse(self, target):
        raise PermissionError("read-only")

    monkeypatch.setattr(type(old), "rename", refuse)
    assert datasets_dir(tmp_path) == old


def test_the_cli_default_follows_the_same_rule(tmp_path, monkeypatch):
    monkeypatch.delenv("CNN_EXPLORER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    assert default_cache_dir() == tmp_path / "CNN Explorer" / "datasets"
