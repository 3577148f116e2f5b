"""The app's data-set folder and kernel file sit under one "CNN Explorer" folder."""

from explorer.ui.panels.data import default_cache_location
from explorer.ui.user_folders import user_data_base
from explorer.ui.widgets.kernel_library import user_kernels_path


def test_one_app_name_in_the_data_paths(qapp):
    folder = default_cache_location()
    assert folder == user_data_base() / "CNN Explorer" / "datasets"
    assert folder.parts.count("CNN Explorer") == 1
    assert user_kernels_path().parent == user_data_base() / "CNN Explorer"
