"""PCA benchmark data and baseline: writes synthetic spectra (three Gaussian phases on a shared background,
Poisson counts) as float32 rows × channels to OUT/NxP.f32 and times scikit-learn's PCA (full and randomized SVD,
10 components, fit + transform, best of 3) on the same matrices; PcaBench.java reads the same files.
   python3 pca_bench.py OUT 240x5000 1000x5000"""
import sys, time
import numpy as np
from sklearn.decomposition import PCA


def spectra(n, p, seed=1):
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, p)
    parts = np.stack([np.exp(-0.5 * ((x - c) / 0.01) ** 2) for c in (0.2, 0.45, 0.7)]) + 0.3 * np.exp(-3 * x)
    w = rng.dirichlet(np.ones(3), size=n)
    return rng.poisson(1000 * w @ parts).astype(np.float32)


out = sys.argv[1]
for arg in sys.argv[2:]:
    n, p = (int(v) for v in arg.split("x"))
    x = spectra(n, p)
    x.tofile(f"{out}/{n}x{p}.f32")
    xd = x.astype(np.float64)
    for solver in ("full", "randomized"):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            PCA(n_components=10, svd_solver=solver, random_state=0).fit_transform(xd)
            best = min(best, time.perf_counter() - t0)
        print(f"sklearn PCA({solver}) {n} x {p}: best of 3 {best:.3f} s")
