"""BLAS thread control (best effort: skipped when NumPy's BLAS is not OpenBLAS)."""

import numpy as np
import pytest

from explorer.engine import blas


def test_set_and_restore_blas_threads():
    before = blas.blas_threads()
    if before is None:
        pytest.skip("NumPy is not linked to a findable OpenBLAS")
    with blas.limited_blas_threads(1):
        assert blas.blas_threads() == 1
        a = np.ones((64, 64), dtype=np.float32)
        assert float((a @ a)[0, 0]) == 64.0
    assert blas.blas_threads() == before
    with pytest.raises(ValueError, match="at least 1"):
        blas.set_blas_threads(0)
