"""The scikit-learn numbers the NMF tests compare with (scikit-learn 1.2.1, Debian's python3-sklearn).
1. NmfUpdatesTest: NMF (4 components, scikit-learn's defaults: nndsvda start, coordinate descent, tol 1e-4, max_iter
   200, random_state 0) of a deterministic 120 x 400 table of four spectral parts plus a sine-hash "noise" that the Java
   test rebuilds with the same formula. Prints, per k: the relative error ||X - WH|| / ||X|| at the default stop, its
   iterations, the same after 5000 iterations with tol 1e-10, and the range of X.
2. NmfUpdatesTest: exact mixes of three known Gaussian parts (60 x 200, weights with zeros): iterations, relative error
   and each true part's best cosine with a fitted one, at the default stop and near convergence.
3. NmfStoppingRuleTest: _fit_coordinate_descent from a given start on a 6 x 5 table with two parts (verbose=1 prints
   each iteration's violation over the first's): the ratios, the iterations, and W, H at the stop.
   /usr/bin/python3 bench/nmf_reference.py"""
import contextlib
import io
import numpy as np
from sklearn.decomposition import NMF
from sklearn.decomposition._nmf import _fit_coordinate_descent

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

n, p, k = 60, 200, 3
i = np.arange(n)[:, None].astype(float); j = np.arange(p)[None, :].astype(float)
x = j / (p - 1)
H = np.vstack([np.exp(-0.5 * ((x - c) / 0.03) ** 2) for c in (0.2, 0.5, 0.8)])
W = np.hstack([np.maximum(0, np.mod(0.618034 * (i + 1) * (c + 1) + 0.1 * c, 1.0) - 0.3) for c in range(k)])
X = W @ H
for tol, max_iter in ((1e-4, 200), (1e-10, 5000)):
    m = NMF(n_components=k, random_state=0, tol=tol, max_iter=max_iter)
    m.fit(X)
    Hf = m.components_
    cos = [max(abs(Hf[a] @ H[b]) / np.linalg.norm(Hf[a]) / np.linalg.norm(H[b]) for a in range(k)) for b in range(k)]
    print("known parts", tol, m.n_iter_, repr(m.reconstruction_err_ / np.linalg.norm(X)), cos)

i = np.arange(6)[:, None]; j = np.arange(5)[None, :]
X = 1 + np.mod(0.618034 * (i + 1) * (j + 2), 1.0) * 3
W0 = 0.5 + 0.1 * np.arange(12).reshape(6, 2) ** 0.5
H0 = 0.4 + 0.05 * np.arange(10).reshape(2, 5)
said = io.StringIO()
with contextlib.redirect_stdout(said):
    W, H, n_iter = _fit_coordinate_descent(X, W0, H0, tol=1e-4, max_iter=200, verbose=1)
ratios = [float(line.split()[1]) for line in said.getvalue().splitlines() if line.startswith("violation")]
print("stopping rule", n_iter, [repr(r) for r in ratios])
print("W", W.tolist())
print("H", H.tolist())
