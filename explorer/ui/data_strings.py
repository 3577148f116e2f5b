"""The data modules' coded messages (`explorer.data.messages`) in the user's language.

The data package is Qt-free: its user-facing errors carry a ``code`` and ``values``
(`explorer.data.messages.coded`). The same English templates are listed here with
``QT_TRANSLATE_NOOP("data", ...)`` so lupdate extracts them; `data_message` translates the
template and fills in the values. tests/ui/test_data_strings.py checks that both lists agree and
that every installation hint a registered data set gives is listed in `DATA_TERMS`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.data.messages import Lines, Message, Term, message_of
from explorer.ui.text import fill

__all__ = ["CONTEXT", "DATA_MESSAGE_TEXTS", "DATA_TERMS", "data_message", "data_text", "data_value"]

#: The translation context of every string below.
CONTEXT = "data"

#: `explorer.data.messages.DATA_MESSAGES`, the same English templates listed for lupdate.
DATA_MESSAGE_TEXTS: dict[str, str] = {
    "idx_gzip_damaged": QT_TRANSLATE_NOOP(
        "data",
        '%1: the gzip data is damaged or truncated (%2); download the file again'),
    "idx_too_large": QT_TRANSLATE_NOOP(
        "data",
        '%1: the header claims shape %2, %3 bytes of data, more than the %4 bytes an IDX '
        'file may hold here; the file is damaged or not a data set CNN Explorer can use'),
    "idx_gzip_too_short": QT_TRANSLATE_NOOP(
        "data",
        '%1: truncated: shape %2 needs %3 bytes of data, more than a gzip file of %4 bytes '
        'can hold'),
    "idx_trailing_bytes": QT_TRANSLATE_NOOP(
        "data",
        "%1: %2 unexpected trailing bytes after the data of shape %3: the header's "
        'dimensions do not match the file length'),
    "idx_trailing_bytes_many": QT_TRANSLATE_NOOP(
        "data",
        "%1: more than %2 unexpected trailing bytes after the data of shape %3: the header's "
        'dimensions do not match the file length'),
    "idx_truncated": QT_TRANSLATE_NOOP(
        "data",
        '%1: truncated: shape %2 needs %3 bytes of data, the file has %4'),
    "idx_header_too_short": QT_TRANSLATE_NOOP(
        "data",
        '%1: truncated: %2 bytes, too short for an IDX header'),
    "idx_wrong_magic": QT_TRANSLATE_NOOP(
        "data",
        '%1: wrong magic number %2: not an IDX file (IDX files start with 00 00 TYPE NDIM)'),
    "idx_unknown_type": QT_TRANSLATE_NOOP(
        "data",
        '%1: unknown IDX type code %2 (known: %3)'),
    "idx_zero_dimensions": QT_TRANSLATE_NOOP(
        "data",
        '%1: wrong dimensions: the header declares 0 dimensions'),
    "idx_header_truncated": QT_TRANSLATE_NOOP(
        "data",
        '%1: truncated header: %2 dimensions need %3 bytes, the file has %4'),
    "folder_not_a_folder": QT_TRANSLATE_NOOP(
        "data",
        '%1 is not a folder. Choose the folder that holds the IDX files '
        '(train-images-idx3-ubyte.gz and the three others).'),
    "folder_missing_files": QT_TRANSLATE_NOOP(
        "data",
        '%1 is missing %2 (it holds %3). A data set folder needs the four files of the MNIST '
        'layout, gzip-compressed or not.'),
    "folder_missing_files_empty": QT_TRANSLATE_NOOP(
        "data",
        '%1 is missing %2 (it holds no files at all). A data set folder needs the four files '
        'of the MNIST layout, gzip-compressed or not.'),
    "folder_class_count": QT_TRANSLATE_NOOP(
        "data",
        '%1 names %2 classes; it needs exactly %3 lines, one name per label 0..9 (or delete '
        'it to use the digits 0-9).'),
    "folder_images_not_uint8": QT_TRANSLATE_NOOP(
        "data",
        '%1: pixels are stored as %2; CNN Explorer reads uint8 images (IDX type code 0x08, '
        "values 0-255) like MNIST's."),
    "folder_images_wrong_shape": QT_TRANSLATE_NOOP(
        "data",
        '%1: wrong dimensions %2: an image file must hold N images of 28x28 pixels (N x 28 x '
        "28), the input size of CNN Explorer's networks. Resize the images to 28x28 before "
        'writing the IDX file.'),
    "folder_labels_wrong_shape": QT_TRANSLATE_NOOP(
        "data",
        '%1: wrong dimensions %2: a label file holds one label per image (a single dimension '
        'N).'),
    "folder_labels_not_uint8": QT_TRANSLATE_NOOP(
        "data",
        '%1: labels are stored as %2; use uint8 (IDX type code 0x08).'),
    "folder_labels_out_of_range": QT_TRANSLATE_NOOP(
        "data",
        '%1: labels out of range: %2 of the labels are above 9 (the first at index %3 is %4, '
        "the largest %5); CNN Explorer's networks have 10 outputs, so labels must be 0-9."),
    "folder_counts_differ": QT_TRANSLATE_NOOP(
        "data",
        '%1 holds %2 images but %3 holds %4 labels: the counts must match, one label per '
        'image. Check that both files come from the same set.'),
    "folder_train_empty": QT_TRANSLATE_NOOP(
        "data",
        'the train files of %1 hold no images.'),
    "folder_test_empty": QT_TRANSLATE_NOOP(
        "data",
        'the test files of %1 hold no images.'),
    "dataset_not_installed": QT_TRANSLATE_NOOP(
        "data",
        'data set %1 is not installed (looked in %2).'),
    "dataset_not_installed_hint": QT_TRANSLATE_NOOP(
        "data",
        'data set %1 is not installed (looked in %2). %3'),
    "dataset_unknown": QT_TRANSLATE_NOOP(
        "data",
        'unknown data set %1: use one of %2 or a folder holding MNIST-layout IDX files'),
    "catalogue_unknown": QT_TRANSLATE_NOOP(
        "data",
        'Unknown data set %1: the downloadable ones are %2.'),
    "colour_mnist_subset_missing": QT_TRANSLATE_NOOP(
        "data",
        'data set %1 is made from the built-in MNIST subset, which is missing (looked in %2); '
        'reinstall CNN Explorer'),
    "download_cancelled": QT_TRANSLATE_NOOP(
        "data",
        'Download of %1 cancelled; files already verified are kept and the next download '
        'continues from there.'),
    "download_failed_one": QT_TRANSLATE_NOOP(
        "data",
        'Could not download %1 of %2 from any mirror:\n  %3\nCheck the internet connection (or '
        'a proxy) and try again; files already verified are kept. You can also download the '
        'file yourself and open its folder.'),
    "download_failed_many": QT_TRANSLATE_NOOP(
        "data",
        'Could not download %1 of %2 from any mirror:\n  %3\nCheck the internet connection (or '
        'a proxy) and try again; files already verified are kept. You can also download the '
        '%4 files yourself and open its folder.'),
    "attempt_http": QT_TRANSLATE_NOOP("data", '%1: HTTP %2 %3'),
    "attempt_retry": QT_TRANSLATE_NOOP("data", '%1 (attempt %2): %3'),
    "attempt_wrong_size": QT_TRANSLATE_NOOP("data", '%1: got %2 bytes, expected %3'),
    "attempt_md5": QT_TRANSLATE_NOOP("data", '%1: MD5 %2 differs from the published %3'),
    "attempt_cannot_connect": QT_TRANSLATE_NOOP("data", 'cannot connect (%1)'),
    "attempt_timed_out": QT_TRANSLATE_NOOP("data", 'no answer (timed out)'),
    "attempt_no_resume": QT_TRANSLATE_NOOP(
        "data",
        'the server refused to resume; starting again'),
    "attempt_resumed_elsewhere": QT_TRANSLATE_NOOP(
        "data",
        'the server resumed at another offset; starting again'),
    "attempt_connection_closed": QT_TRANSLATE_NOOP(
        "data",
        'connection closed after %1 of %2 bytes'),
    "reason_refused": QT_TRANSLATE_NOOP("data", "the server refused the connection"),
    "reason_name_unknown": QT_TRANSLATE_NOOP(
        "data",
        "the server's name could not be found: no network, or a wrong address"),
    "reason_unreachable": QT_TRANSLATE_NOOP("data", "the network is unreachable"),
    "reason_timed_out": QT_TRANSLATE_NOOP("data", "timed out"),
    "reason_reset": QT_TRANSLATE_NOOP("data", "the connection was reset"),
    "reason_certificate": QT_TRANSLATE_NOOP(
        "data",
        "the server's certificate could not be verified"),
    "reason_no_answer": QT_TRANSLATE_NOOP(
        "data",
        "the server closed the connection without answering"),
    "reason_incomplete": QT_TRANSLATE_NOOP(
        "data",
        "the connection closed before the whole answer arrived"),
    "reason_not_http": QT_TRANSLATE_NOOP("data", "the server's answer is not valid HTTP (%1)"),
    "download_folder_incomplete": QT_TRANSLATE_NOOP(
        "data",
        '%1 exists but does not hold the complete %2 data set; move or delete that folder '
        'and download again.'),
    "cifar_not_whole_records": QT_TRANSLATE_NOOP(
        "data",
        '%1: %2 bytes is not a whole number of CIFAR-10 records (%3 bytes each: 1 label + 3 '
        'x 32 x 32 pixels); the file is truncated or not a CIFAR-10 binary batch'),
    "cifar_bad_label": QT_TRANSLATE_NOOP(
        "data",
        "%1: record %2 has label %3; CIFAR-10 labels are 0..9 (is this CIFAR-100's binary "
        'format?)'),
    "cifar_batch_too_large": QT_TRANSLATE_NOOP(
        "data",
        '%1: %2 bytes is more than a CIFAR-10 batch holds'),
    "cifar_unsafe_member": QT_TRANSLATE_NOOP(
        "data",
        "%1: refusing the archive member %2 (an absolute path or '..')"),
    "cifar_member_not_a_file": QT_TRANSLATE_NOOP(
        "data",
        '%1: %2 is not a regular file (a link or device)'),
    "cifar_member_too_large": QT_TRANSLATE_NOOP(
        "data",
        '%1: %2 is %3 bytes, more than a CIFAR-10 batch holds'),
    "cifar_member_twice": QT_TRANSLATE_NOOP(
        "data",
        '%1: %2 appears twice in the archive'),
    "cifar_unreadable_archive": QT_TRANSLATE_NOOP(
        "data",
        '%1 is not a readable CIFAR-10 archive (truncated or not a tar.gz): %2'),
    "cifar_missing": QT_TRANSLATE_NOOP(
        "data",
        'CIFAR-10: %1 does not exist'),
    "cifar_no_files": QT_TRANSLATE_NOOP(
        "data",
        '%1 holds neither %2 nor the CIFAR-10 .bin files (%3)'),
    "cifar_incomplete": QT_TRANSLATE_NOOP(
        "data",
        '%1 has no %2: not the whole CIFAR-10 binary set'),
}

#: Text the data modules put into their messages as a `Term` (a registered set's hint; data
#: set titles are translated in the "engine" context, see ``explorer.ui.engine_strings``).
DATA_TERMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "data",
        'On Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist; or download it with: '
        'python main.py data download fashion-mnist'),
    QT_TRANSLATE_NOOP(
        "data",
        'Download it with: python main.py data download mnist'),
    QT_TRANSLATE_NOOP(
        "data",
        'Download it with: python main.py data download kmnist'),
    QT_TRANSLATE_NOOP(
        "data",
        'Download it with: python main.py data download cifar-10'),
)


def data_value(value, translate=QCoreApplication.translate):
    """A value of a coded message as shown: a `Term` translated (an installation hint in the
    "data" context, any other term, such as a data set title, in the "engine" context), a
    `Message` (an attempt line) rendered, `Lines` one per line, anything else (a path, a
    number) as it is. ``translate(context, text)`` is Qt's, or the command line's
    (`explorer.cli_text.translate`)."""
    if isinstance(value, Lines):
        return Lines.SEPARATOR.join(str(data_value(line, translate)) for line in value)
    if isinstance(value, Message):
        return data_text(value.code, value.values, translate)
    if isinstance(value, Term):
        text = str(value)
        return translate(CONTEXT if text in DATA_TERMS else "engine", text)
    return value


def data_text(code: str, values=(), translate=QCoreApplication.translate) -> str:
    """The data message ``code`` (a key of `DATA_MESSAGE_TEXTS`) with its ``values``, in the
    language of ``translate``."""
    template = translate(CONTEXT, DATA_MESSAGE_TEXTS[code])
    return fill(template, *(data_value(v, translate) for v in values))


def data_message(exc: BaseException, translate=QCoreApplication.translate) -> str | None:
    """What a data error says, in the user's language; None when ``exc`` carries no data
    message code (the caller then shows it otherwise)."""
    found = message_of(exc)
    return None if found is None else data_text(*found, translate)
