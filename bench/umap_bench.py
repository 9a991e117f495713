"""UMAP benchmark data, baseline and quality: writes two data sets as float32 rows × columns (OUT/NAME.f32) with their
classes (OUT/NAME.labels, int32), times Debian's umap-learn on each in a fresh process, and scores any embeddings
(sklearn's trustworthiness, k = 10, and the share of each row's 10 nearest map neighbours of its class).
   python3 umap_bench.py data OUT                      write blobs-5000x50 and spectra-1000x1000
   python3 umap_bench.py fit OUT NAME METRIC EPOCHS     time umap-learn, write OUT/NAME.umap-learn.f32, print peak RSS
   python3 umap_bench.py score OUT NAME EMBEDDING...    quality of each embedding file (float32, rows × 2)
umap-learn runs like prepare.umap: random_state set (one thread, deterministic), init='random', n_neighbors=15,
min_dist=0.1. Its first fit compiles numba code, so a warm-up fit (11 epochs on the first 4,200 rows: above 4,096 rows
both libraries take the NN-descent path, below it exact neighbours) runs first and is reported as the cold time."""
import sys, time
import numpy as np


def blobs(n=5000, d=50, k=10, seed=1):
    from sklearn.datasets import make_blobs
    x, y = make_blobs(n_samples=n, n_features=d, centers=k, cluster_std=2.0, random_state=seed)
    return x.astype(np.float32), y.astype(np.int32)


def spectra(n=1000, p=1000, seed=1):
    """Four phases, each three Gaussian peaks on a shared decaying background; intensity 500 to 2000; Poisson counts."""
    rng = np.random.default_rng(seed)
    x = np.linspace(0, 1, p)
    centres = [(0.15, 0.40, 0.72), (0.22, 0.40, 0.60), (0.30, 0.52, 0.80), (0.15, 0.55, 0.88)]
    phases = np.stack([sum(np.exp(-0.5 * ((x - c) / 0.008) ** 2) for c in cs) for cs in centres])
    y = rng.integers(0, 4, size=n)
    scale = rng.uniform(500, 2000, size=n)[:, None]
    return rng.poisson(scale * (phases[y] + 0.3 * np.exp(-3 * x))).astype(np.float32), y.astype(np.int32)


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024


def load(out, name):
    labels = np.fromfile(f"{out}/{name}.labels", dtype=np.int32)
    return np.fromfile(f"{out}/{name}.f32", dtype=np.float32).reshape(len(labels), -1), labels


mode, out = sys.argv[1], sys.argv[2]
if mode == "data":
    for name, (x, y) in (("blobs-5000x50", blobs()), ("spectra-1000x1000", spectra())):
        x.tofile(f"{out}/{name}.f32")
        y.tofile(f"{out}/{name}.labels")
elif mode == "fit":
    name, metric, epochs = sys.argv[3], sys.argv[4], int(sys.argv[5])
    x, _ = load(out, name)
    import umap
    t0 = time.perf_counter()
    umap.UMAP(n_neighbors=15, metric=metric, random_state=1, init="random", n_epochs=11).fit_transform(x[:4200])
    cold = time.perf_counter() - t0
    before = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    e = umap.UMAP(n_neighbors=15, min_dist=0.1, metric=metric, random_state=1, init="random", n_epochs=epochs).fit_transform(x)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    e.astype(np.float32).tofile(f"{out}/{name}.umap-learn.f32")
    print(f"umap-learn {name} {metric} {epochs} epochs: {took:.3f} s, CPU {cpu:.3f} s, peak RSS {rss_mb():.0f} MB "
          f"(before the fit {before:.0f} MB); warm-up (compiles) {cold:.1f} s")
elif mode == "score":
    from sklearn.manifold import trustworthiness
    from sklearn.neighbors import NearestNeighbors
    name = sys.argv[3]
    x, y = load(out, name)
    metric = "cosine" if name.startswith("spectra") else "euclidean"
    for f in sys.argv[4:]:
        e = np.fromfile(f, dtype=np.float32).reshape(len(y), -1)
        idx = NearestNeighbors(n_neighbors=11).fit(e).kneighbors(e, return_distance=False)[:, 1:]
        agree = (y[idx] == y[:, None]).mean()
        t = trustworthiness(x, e, n_neighbors=10, metric=metric)
        print(f"quality {f.split('/')[-1]}: trustworthiness(10, {metric}) {t:.4f}, 10-NN class agreement {agree:.4f}")
