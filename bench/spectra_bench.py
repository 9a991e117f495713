"""The scipy peer of bench/spectra-bench.sh: the same chain as Anneal's spectra.smooth -> spectra.baseline (ALS) ->
spectra.peaks on the same generated spectra (DIR/spectra.f32, written by SpectraBench.java gen), one thread.

  python3 spectra_bench.py DIR N C COUNT

Times the first COUNT of the N spectra (scipy is slower per spectrum, so fewer keep the run short; spectra/s is per
spectrum, so it extrapolates to all N). Steps, as their scipy users write them:
  savgol_filter(y, 11, 3)                      (mode 'interp', the default, which spectra.smooth matches)
  ALS, Eilers & Boelens 2005, lambda 1e5, p 0.01, 10 iterations, in two forms:
    als-sparse: the widely copied scipy.sparse version (spdiags + spsolve every iteration)
    als-banded: the same system solved with scipy.linalg.solveh_banded (banded Cholesky, O(n)), as Anneal does
  clip at 0, then find_peaks(prominence=20) and peak_widths(rel_height=0.5), which spectra.peaks reports too.
"""
import sys
import time

import numpy as np
from scipy import sparse
from scipy.linalg import solveh_banded
from scipy.sparse.linalg import spsolve
from scipy.signal import find_peaks, peak_widths, savgol_filter

LAM, P, ITER, PROM = 1e5, 0.01, 10, 20.0


def als_sparse(y, lam=LAM, p=P, niter=ITER):
    n = len(y)
    d = sparse.diags([1.0, -2.0, 1.0], [0, -1, -2], shape=(n, n - 2))
    d = lam * d.dot(d.transpose())
    w = np.ones(n)
    wm = sparse.spdiags(w, 0, n, n)
    z = y
    for _ in range(niter):
        wm.setdiag(w)
        z = spsolve((wm + d).tocsc(), w * y)
        w = np.where(y > z, p, 1 - p)
    return z


def als_banded(y, lam=LAM, p=P, niter=ITER):
    n = len(y)
    # lam * D'D for second differences, upper banded form for solveh_banded
    d0 = np.full(n, 6.0)
    d0[0] = d0[-1] = 1
    d0[1] = d0[-2] = 5
    d1 = np.full(n, -4.0)
    d1[1] = d1[-1] = -2
    d2 = np.ones(n)
    ab = np.empty((3, n))
    w = np.ones(n)
    z = y
    for _ in range(niter):
        ab[0] = lam * d2
        ab[1] = lam * d1
        ab[2] = lam * d0 + w
        z = solveh_banded(ab, w * y, check_finite=False)
        w = np.where(y > z, p, 1 - p)
    return z


def chain(spectra, als):
    times = {"smooth": 0.0, "baseline": 0.0, "peaks": 0.0}
    found = 0
    for y in spectra:
        t0 = time.perf_counter()
        s = savgol_filter(y, 11, 3)
        t1 = time.perf_counter()
        b = np.maximum(0, s - als(s))
        t2 = time.perf_counter()
        peaks, props = find_peaks(b, prominence=PROM)
        peak_widths(b, peaks, rel_height=0.5, prominence_data=(props["prominences"], props["left_bases"], props["right_bases"]))
        t3 = time.perf_counter()
        found += len(peaks)
        times["smooth"] += t1 - t0
        times["baseline"] += t2 - t1
        times["peaks"] += t3 - t2
    return times, found


def main():
    folder, n, c, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    spectra = np.fromfile(f"{folder}/spectra.f32", dtype="<f4", count=count * c).reshape(count, c).astype(np.float64)
    chain(spectra[:20], als_banded)  # warm-up
    for name, als, k in (("als-banded", als_banded, count), ("als-sparse", als_sparse, max(1, count // 4))):
        cpu0 = time.process_time()
        times, found = chain(spectra[:k], als)
        cpu = time.process_time() - cpu0
        total = sum(times.values())
        parts = ", ".join(f"{step} {k / t:.0f}/s" for step, t in times.items())
        print(f"scipy {name}: {k} spectra in {total:.3f} s, {k / total:.0f} spectra/s ({parts}); {cpu:.3f} s CPU, {k / cpu:.0f} spectra "
              f"per CPU-s; peaks found {found} (first {k}); all {n} would take {n * total / k:.1f} s")


if __name__ == "__main__":
    main()
