"""The scikit-learn objective NmfUpdatesTest compares with: NMF (4 components, scikit-learn's defaults: nndsvda start,
coordinate descent, tol 1e-4, random_state 0) of a deterministic 120 x 400 table of four spectral parts plus a
sine-hash "noise" that the Java test rebuilds with the same formula. Prints, per k: the relative error
||X - WH|| / ||X|| at the default stop, its iterations, the same after 5000 iterations with tol 1e-10, and the range of X.
   /usr/bin/python3 bench/nmf_reference.py"""
import numpy as np
from sklearn.decomposition import NMF
n, p = 120, 400
i = np.arange(n)[:, None].astype(float); j = np.arange(p)[None, :].astype(float)
x = j / (p - 1)
parts = [np.exp(-0.5 * ((x - c) / 0.02) ** 2) for c in (0.2, 0.45, 0.7)] + [0.3 * np.exp(-3 * x)]
X = 5 * (1 + np.sin(1.7 * i + 0.37 * j + 0.013 * i * j))
for c, part in enumerate(parts):
    w = 0.1 + np.mod(0.618034 * (i + 1) * (c + 1) + 0.1 * c, 1.0)
    X = X + 100 * w * part
for k in (3, 4):
    m = NMF(n_components=k, random_state=0)
    m.fit(X)
    m2 = NMF(n_components=k, random_state=0, tol=1e-10, max_iter=5000).fit(X)
    print(k, repr(m.reconstruction_err_ / np.linalg.norm(X)), m.n_iter_, repr(m2.reconstruction_err_ / np.linalg.norm(X)), m2.n_iter_, X.min(), X.max())
