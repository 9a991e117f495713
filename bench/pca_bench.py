"""PCA/NMF benchmark data and baseline: writes synthetic spectra (three Gaussian phases on a shared background,
Poisson counts) as float32 rows × channels to OUT/NxP.f32 and times scikit-learn on the same matrices (float64):
PCA with full and randomized SVD (10 components) and NMF (5 components, its defaults: nndsvda start, coordinate
descent, tol 1e-4, at most 200 iterations), fit + transform, best of 5 (wall and process CPU time, all threads); PcaBench.java reads the same files.
   python3 pca_bench.py OUT 240x5000 1000x5000
   python3 pca_bench.py --once METHOD FILE     (one run, for the peak memory of the process)"""
import sys, time
import numpy as np
from sklearn.decomposition import NMF, PCA


# Untimed calls of each method before the best of 5, on both sides: the JVM compiles its loops in the first calls, so
# a best of 5 straight after start measured the JIT as much as the method; the first call is printed as well.
WARM_UP_SECONDS = 1.5


def spectra(n, p, seed=1):
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, p)
    parts = np.stack([np.exp(-0.5 * ((x - c) / 0.01) ** 2) for c in (0.2, 0.45, 0.7)]) + 0.3 * np.exp(-3 * x)
    w = rng.dirichlet(np.ones(3), size=n)
    return rng.poisson(1000 * w @ parts).astype(np.float32)


def method(name):
    if name == "nmf":
        return NMF(n_components=5, random_state=0, max_iter=200)
    return PCA(n_components=10, svd_solver=name, random_state=0)


if sys.argv[1] == "--once":
    x = np.fromfile(sys.argv[3], dtype=np.float32)
    n, p = (int(v) for v in sys.argv[3].split("/")[-1].replace(".f32", "").split("x"))
    method(sys.argv[2]).fit_transform(x.reshape(n, p).astype(np.float64))
    sys.exit(0)

out = sys.argv[1]
for arg in sys.argv[2:]:
    n, p = (int(v) for v in arg.split("x"))
    x = spectra(n, p)
    x.tofile(f"{out}/{n}x{p}.f32")
    xd = x.astype(np.float64)
    for name in ("full", "randomized", "nmf"):
        best = best_cpu = float("inf")
        t0 = time.perf_counter()
        method(name).fit_transform(xd)
        first = time.perf_counter() - t0
        warm_until = time.perf_counter() + WARM_UP_SECONDS  # the same untimed warm-up as PcaBench.java gives the JVM
        while time.perf_counter() < warm_until:
            method(name).fit_transform(xd)
        for _ in range(5):
            c0, t0 = time.process_time(), time.perf_counter()
            m = method(name)
            m.fit_transform(xd)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        label = f"NMF {n} x {p}" if name == "nmf" else f"PCA({name}) {n} x {p}"
        extra = (f"relative error {m.reconstruction_err_ / np.linalg.norm(xd):.5f} after {m.n_iter_} iterations" if name == "nmf"
                 else f"pc1 score of row 0 {abs(m.transform(xd[:1])[0, 0]):.4f}")
        print(f"sklearn {label}: first call {first:.3f} s; after {WARM_UP_SECONDS} s of warm-up, best of 5 {best:.3f} s, cpu {best_cpu:.3f} s ({extra})")
