"""Qt test set-up shared by the UI tests: settings go to a temporary folder, never the user's."""

import pytest
from PySide6.QtCore import QSettings, QStandardPaths


@pytest.fixture(autouse=True, scope="session")
def _temporary_settings(tmp_path_factory, qapp):
    # QStandardPaths (the data-set cache, user kernels) point into ~/.qttest, never at the
    # user's real application folders; QSettings files go to a temporary folder.
    QStandardPaths.setTestModeEnabled(True)
    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder))
    # as the app does: the cycle collector runs only in the GUI thread (explorer/ui/gc_thread.py)
    from explorer.ui.gc_thread import collect_in_gui_thread

    collect_in_gui_thread()
    qapp.setOrganizationName("CNN Explorer")
    qapp.setApplicationName("CNN Explorer")
    yield folder


@pytest.fixture(autouse=True)
def _clean_settings(_temporary_settings):
    """Every test starts from an empty settings store: nothing one test remembers (a tab, a
    learning rate, a kernel) reaches the next."""
    from explorer.ui.state import app_settings

    settings = app_settings()
    settings.clear()
    settings.sync()
    yield settings
    settings.clear()
    settings.sync()


def pytest_configure(config):
    # Qt's offscreen platform (used by CI) cannot pass a window's size constraints on to a
    # window system and says so every time a top-level layout sets a minimum size. That is a
    # property of the headless platform, not of our code: ignore exactly this message.
    config.addinivalue_line("qt_log_ignore", "This plugin does not support propagateSizeHints")
    # The same platform's answer when a popup (a combo box's list) asks to be raised or to grab
    # the keyboard, which only a real window system can do.
    config.addinivalue_line("qt_log_ignore", "This plugin does not support raise")
    config.addinivalue_line("qt_log_ignore", "This plugin does not support grabbing")


@pytest.fixture(autouse=True)
def _english_afterwards():
    """Every test ends in English: a test that switched the language (View > Language, or the
    monkey picking it from the menu) leaves no translator and no Chinese default locale."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    from explorer.ui.language import remove_language

    remove_language()
    QLocale.setDefault(locale)
