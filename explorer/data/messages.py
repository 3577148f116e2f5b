"""User-facing data messages with stable ids, so that the UI can show them in any language.

The data modules (IDX files, IDX folders, CIFAR-10, downloads, registered data sets) raise the
exception types their callers catch (``ValueError``, ``IdxFolderError``, ``FileNotFoundError``,
``DownloadError``...), built by `coded`: its ``str()`` is the English sentence (the CLI,
scripts and tests see exactly the text they always saw) and it carries the sentence's ``code``
(a key of `DATA_MESSAGES`) and ``values``. The UI translates the template of ``code``
(``explorer.ui.data_strings``) and fills in the values, so the data package stays Qt-free.

A value that is data-module text itself (a data set's title, an installation hint) is passed as
a `Term`, which the UI translates too; other values (paths, numbers, shapes) are data.
Templates use Qt's ``%1``..``%9`` placeholders (numbered, so a translation may reorder them).
Programmer errors (a wrong argument type in the API) stay plain English exceptions.
Pure Python, no Qt.
"""

from __future__ import annotations

from explorer.placeholders import Term, fill

__all__ = ["DATA_MESSAGES", "Lines", "Message", "Term", "coded", "english", "message_of"]

#: Every coded data message: id -> English template. ``explorer.ui.data_strings`` lists the
#: same templates for translation (tests/ui/test_data_strings.py checks that the lists agree).
DATA_MESSAGES: dict[str, str] = {
    # explorer.data.idx: one IDX file
    "idx_gzip_damaged": "%1: the gzip data is damaged or truncated (%2); download the file again",
    "idx_too_large": (
        "%1: the header claims shape %2, %3 bytes of data, more than the %4 bytes an IDX file "
        "may hold here; the file is damaged or not a data set CNN Explorer can use"),
    "idx_gzip_too_short": (
        "%1: truncated: shape %2 needs %3 bytes of data, more than a gzip file of %4 bytes can "
        "hold"),
    "idx_trailing_bytes": (
        "%1: %2 unexpected trailing bytes after the data of shape %3: the header's dimensions "
        "do not match the file length"),
    "idx_trailing_bytes_many": (
        "%1: more than %2 unexpected trailing bytes after the data of shape %3: the header's "
        "dimensions do not match the file length"),
    "idx_truncated": "%1: truncated: shape %2 needs %3 bytes of data, the file has %4",
    "idx_header_too_short": "%1: truncated: %2 bytes, too short for an IDX header",
    "idx_wrong_magic": (
        "%1: wrong magic number %2: not an IDX file (IDX files start with 00 00 TYPE NDIM)"),
    "idx_unknown_type": "%1: unknown IDX type code %2 (known: %3)",
    "idx_zero_dimensions": "%1: wrong dimensions: the header declares 0 dimensions",
    "idx_header_truncated": (
        "%1: truncated header: %2 dimensions need %3 bytes, the file has %4"),
    # explorer.data.folders: a folder of MNIST-named IDX files
    "folder_not_a_folder": (
        "%1 is not a folder. Choose the folder that holds the IDX files "
        "(train-images-idx3-ubyte.gz and the three others)."),
    "folder_missing_files": (
        "%1 is missing %2 (it holds %3). A data set folder needs the four files of the MNIST "
        "layout, gzip-compressed or not."),
    "folder_missing_files_empty": (
        "%1 is missing %2 (it holds no files at all). A data set folder needs the four files "
        "of the MNIST layout, gzip-compressed or not."),
    "folder_class_count": (
        "%1 names %2 classes; it needs exactly %3 lines, one name per label 0..9 (or delete it "
        "to use the digits 0-9)."),
    "folder_images_not_uint8": (
        "%1: pixels are stored as %2; CNN Explorer reads uint8 images (IDX type code 0x08, "
        "values 0-255) like MNIST's."),
    "folder_images_wrong_shape": (
        "%1: wrong dimensions %2: an image file must hold N images of 28x28 pixels "
        "(N x 28 x 28), the input size of CNN Explorer's networks. Resize the images to 28x28 "
        "before writing the IDX file."),
    "folder_labels_wrong_shape": (
        "%1: wrong dimensions %2: a label file holds one label per image (a single "
        "dimension N)."),
    "folder_labels_not_uint8": "%1: labels are stored as %2; use uint8 (IDX type code 0x08).",
    "folder_labels_out_of_range": (
        "%1: labels out of range: %2 of the labels are above 9 (the first at index %3 is %4, "
        "the largest %5); CNN Explorer's networks have 10 outputs, so labels must be 0-9."),
    "folder_counts_differ": (
        "%1 holds %2 images but %3 holds %4 labels: the counts must match, one label per "
        "image. Check that both files come from the same set."),
    "folder_train_empty": "the train files of %1 hold no images.",
    "folder_test_empty": "the test files of %1 hold no images.",
    # explorer.data.datasets and explorer.data.catalogue: data sets by name
    "dataset_not_installed": "data set %1 is not installed (looked in %2).",
    "dataset_not_installed_hint": "data set %1 is not installed (looked in %2). %3",
    "dataset_unknown": (
        "unknown data set %1: use one of %2 or a folder holding MNIST-layout IDX files"),
    "catalogue_unknown": "Unknown data set %1: the downloadable ones are %2.",
    # explorer.data.colour_mnist: the colour set is made from the built-in subset
    "colour_mnist_subset_missing": (
        "data set %1 is made from the built-in MNIST subset, which is missing (looked in %2); "
        "reinstall CNN Explorer"),
    # explorer.data.download
    "download_cancelled": (
        "Download of %1 cancelled; files already verified are kept and the next download "
        "continues from there."),
    "download_failed_one": (
        "Could not download %1 of %2 from any mirror:\n  %3\nCheck the internet connection "
        "(or a proxy) and try again; files already verified are kept. You can also download "
        "the file yourself and open its folder."),
    "download_failed_many": (
        "Could not download %1 of %2 from any mirror:\n  %3\nCheck the internet connection "
        "(or a proxy) and try again; files already verified are kept. You can also download "
        "the %4 files yourself and open its folder."),
    # explorer.data.download: one line per failed mirror attempt, inside download_failed_*
    "attempt_http": "%1: HTTP %2 %3",
    "attempt_retry": "%1 (attempt %2): %3",
    "attempt_wrong_size": "%1: got %2 bytes, expected %3",
    "attempt_md5": "%1: MD5 %2 differs from the published %3",
    "attempt_cannot_connect": "cannot connect (%1)",
    "attempt_timed_out": "no answer (timed out)",
    "attempt_no_resume": "the server refused to resume; starting again",
    "attempt_resumed_elsewhere": "the server resumed at another offset; starting again",
    "attempt_connection_closed": "connection closed after %1 of %2 bytes",
    # why a connection failed (inside attempt_cannot_connect or as an attempt's reason): the
    # operating system's common refusals, in words (its own are English)
    "reason_refused": "the server refused the connection",
    "reason_name_unknown": "the server's name could not be found: no network, or a wrong address",
    "reason_unreachable": "the network is unreachable",
    "reason_timed_out": "timed out",
    "reason_reset": "the connection was reset",
    "reason_certificate": "the server's certificate could not be verified",
    "reason_no_answer": "the server closed the connection without answering",
    "reason_incomplete": "the connection closed before the whole answer arrived",
    "reason_not_http": "the server's answer is not valid HTTP (%1)",
    "download_folder_incomplete": (
        "%1 exists but does not hold the complete %2 data set; move or delete that folder and "
        "download again."),
    # explorer.data.cifar: CIFAR-10's binary batches and archive
    "cifar_not_whole_records": (
        "%1: %2 bytes is not a whole number of CIFAR-10 records (%3 bytes each: 1 label + "
        "3 x 32 x 32 pixels); the file is truncated or not a CIFAR-10 binary batch"),
    "cifar_bad_label": (
        "%1: record %2 has label %3; CIFAR-10 labels are 0..9 (is this CIFAR-100's binary "
        "format?)"),
    "cifar_batch_too_large": "%1: %2 bytes is more than a CIFAR-10 batch holds",
    "cifar_unsafe_member": "%1: refusing the archive member %2 (an absolute path or '..')",
    "cifar_member_not_a_file": "%1: %2 is not a regular file (a link or device)",
    "cifar_member_too_large": "%1: %2 is %3 bytes, more than a CIFAR-10 batch holds",
    "cifar_member_twice": "%1: %2 appears twice in the archive",
    "cifar_unreadable_archive": (
        "%1 is not a readable CIFAR-10 archive (truncated or not a tar.gz): %2"),
    "cifar_missing": "CIFAR-10: %1 does not exist",
    "cifar_no_files": "%1 holds neither %2 nor the CIFAR-10 .bin files (%3)",
    "cifar_incomplete": "%1 has no %2: not the whole CIFAR-10 binary set",
}

class Message(tuple):
    """A coded sentence used as the value of another (a download's attempt line): ``code`` and
    ``values``; ``str()`` is its English sentence, and the UI renders it translated."""

    __slots__ = ()

    def __new__(cls, code: str, *values):
        if code not in DATA_MESSAGES:
            raise KeyError(f"no data message {code!r}")
        return super().__new__(cls, (code, tuple(values)))

    def __getnewargs__(self):
        return (self[0], *self[1])

    @property
    def code(self) -> str:
        return self[0]

    @property
    def values(self) -> tuple:
        return self[1]

    def __str__(self) -> str:
        return english(self.code, *self.values)

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {', '.join(map(repr, self.values))})"


class Lines(tuple):
    """Values shown one per line (each indented by two spaces after the first): the attempt
    lines of a failed download. ``str()`` is the English lines."""

    __slots__ = ()

    SEPARATOR = "\n  "

    def __str__(self) -> str:
        return self.SEPARATOR.join(str(line) for line in self)


def english(code: str, *values) -> str:
    """The English sentence of ``code`` with ``values`` in its ``%1``..``%9`` (one pass)."""
    return fill(DATA_MESSAGES[code], *values)


def coded(exc_type: type[BaseException], code: str, *values) -> BaseException:
    """An ``exc_type`` exception whose text is the English sentence of ``code`` and which
    carries ``code`` and ``values`` (as attributes of the same names) for the UI."""
    if code not in DATA_MESSAGES:
        raise KeyError(f"no data message {code!r}")
    exc = exc_type(english(code, *values))
    exc.code = code
    exc.values = tuple(values)
    return exc


def message_of(exc: BaseException) -> tuple[str, tuple] | None:
    """``(code, values)`` of an exception built by `coded`, or None for any other."""
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code in DATA_MESSAGES:
        return code, tuple(getattr(exc, "values", ()))
    return None
