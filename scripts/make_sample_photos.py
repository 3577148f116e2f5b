"""Make the sample colour photos in resources/photos/ from scikit-image's bundled data.

scikit-image's wheel ships a few real photographs with free licences (see
resources/photos/README.md). This script, run once by a maintainer, centre-crops each to a
square and scales it (smoothly) to 96x96 pixels, saved as PNG. scikit-image is not a dependency
of the app: only its wheel's files are read.

    pip download scikit-image --no-deps -d /tmp/skw
    unzip /tmp/skw/scikit_image-*.whl 'skimage/data/*' -d /tmp/skw/x
    python scripts/make_sample_photos.py /tmp/skw/x/skimage/data
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

#: (file in skimage/data, name written here).
PHOTOS = (("astronaut.png", "astronaut.png"), ("chelsea.png", "cat.png"),
          ("coffee.png", "coffee.png"), ("rocket.jpg", "rocket.png"))
SIDE = 96
OUT = Path(__file__).resolve().parent.parent / "resources" / "photos"


def make(source: Path, out: Path = OUT, side: int = SIDE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for src, dst in PHOTOS:
        image = QImage(str(source / src))
        if image.isNull():
            raise SystemExit(f"cannot read {source / src}")
        s = min(image.width(), image.height())
        square = image.copy((image.width() - s) // 2, (image.height() - s) // 2, s, s)
        small = square.scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        small = small.convertToFormat(QImage.Format.Format_RGB888)
        if not small.save(str(out / dst), "PNG"):
            raise SystemExit(f"cannot write {out / dst}")
        written.append(out / dst)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("skimage_data", type=Path, help="the skimage/data folder of the wheel")
    args = parser.parse_args()
    for path in make(args.skimage_data):
        print(path, path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
