#!/usr/bin/env python3
"""Reference values for SavitzkyGolay and AsymmetricLeastSquares (SpectrumBlocksTest), from Debian's python3-scipy.

Run from this folder after `apt-get install python3-scipy`:
    /usr/bin/python3 make_scipy_reference.py > scipy_reference.txt
Each line: a case name, then numbers written with repr() (round-trip exact). The input signal is built from a formula
so the Java test rebuilds it without reading floats: a sloping, curved baseline, three peaks and a deterministic wiggle.
"""
import numpy as np
import scipy
from scipy import sparse
from scipy.sparse.linalg import spsolve
from scipy.signal import savgol_filter


def signal(n=120):
    i = np.arange(n, dtype=float)
    base = 2.0 + 0.01 * i + 0.0002 * i * i
    peaks = 5 * np.exp(-0.5 * ((i - 30) / 3) ** 2) + 3 * np.exp(-0.5 * ((i - 70) / 5) ** 2) + 4 / (1 + ((i - 100) / 2) ** 2)
    wiggle = 0.3 * np.sin(1.7 * i) + 0.2 * np.cos(0.37 * i * i)
    return base + peaks + wiggle


def als(y, lam, p, niter):
    """Eilers & Boelens (2005), the loop of their paper, with weights p above the curve and 1 - p below."""
    n = len(y)
    d = sparse.diags([1, -2, 1], [0, 1, 2], shape=(n - 2, n))
    dtd = lam * (d.T @ d)
    w = np.ones(n)
    z = y
    for _ in range(niter):
        z = spsolve(sparse.csc_matrix(sparse.diags(w) + dtd), w * y)
        w = np.where(y > z, p, 1 - p)
    return z


def line(name, values):
    print(name + " " + " ".join(repr(float(v)) for v in values))


y = signal()
print("# scipy " + scipy.__version__ + ", numpy " + np.__version__)
line("signal", y)
line("savgol_w7_o2", savgol_filter(y, 7, 2))
line("savgol_w11_o3", savgol_filter(y, 11, 3))
line("savgol_w5_o4", savgol_filter(y, 5, 4))
line("savgol_w9_o3_d1_delta0.5", savgol_filter(y, 9, 3, deriv=1, delta=0.5))
line("savgol_w15_o4_d2", savgol_filter(y, 15, 4, deriv=2))
line("als_1e4_0.01_10", als(y, 1e4, 0.01, 10))
line("als_100_0.05_5", als(y, 100, 0.05, 5))
