"""Uncertainty benchmark data and baselines (issue 12): writes 100,000 rows of y = sin(2 x0) + x1 x2 − x3² + 0.5 x4 + N(0, 0.3²)
with 8 uniform features in [−2, 2] (x5–x7 carry nothing) as float64 rows (features then y) to OUT/data.f64, and times, on
the first 75 % (train) and the last 25 % (test), single-threaded and best of 3:
  - scikit-learn BaggingRegressor of 10 DecisionTreeRegressor(max_depth=8, min_samples_leaf=5): fit, then mean and the
    members' standard deviation on the test rows (the usual way to get intervals from scikit-learn);
  - the same tree with split-conformal intervals written in numpy (fit on 75 % of train, residual quantile on the rest).
   python3 uncertainty_bench.py OUT"""
import sys, time
import numpy as np
from sklearn.ensemble import BaggingRegressor
from sklearn.tree import DecisionTreeRegressor

out = sys.argv[1]
rng = np.random.default_rng(12)
n, p = 100_000, 8
x = rng.uniform(-2, 2, size=(n, p))
y = np.sin(2 * x[:, 0]) + x[:, 1] * x[:, 2] - x[:, 3] ** 2 + 0.5 * x[:, 4] + 0.3 * rng.standard_normal(n)
np.hstack([x, y[:, None]]).astype("<f8").tofile(f"{out}/data.f64")
cut = int(0.75 * n)
xtr, ytr, xte, yte = x[:cut], y[:cut], x[cut:], y[cut:]


def best_of(f, reps=3):
    best, result = float("inf"), None
    for _ in range(reps):
        t0 = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - t0)
    return best, result


def bagging():
    m = BaggingRegressor(DecisionTreeRegressor(max_depth=8, min_samples_leaf=5), n_estimators=10, n_jobs=1, random_state=0).fit(xtr, ytr)
    preds = np.stack([e.predict(xte[:, f]) for e, f in zip(m.estimators_, m.estimators_features_)])
    mean, sd = preds.mean(0), preds.std(0)
    return np.mean(np.abs(yte - mean) <= 1.645 * sd)


def conformal():
    fit = int(0.75 * cut)
    tree = DecisionTreeRegressor(max_depth=8, min_samples_leaf=5).fit(xtr[:fit], ytr[:fit])
    scores = np.sort(np.abs(ytr[fit:] - tree.predict(xtr[fit:])))
    q = scores[min(len(scores) - 1, int(np.ceil((len(scores) + 1) * 0.9)) - 1)]
    pred = tree.predict(xte)
    return np.mean(np.abs(yte - pred) <= q)


t, cov = best_of(bagging)
print(f"sklearn bagging 10 trees fit + mean/sd: best of 3 {t:.3f} s (coverage of mean ± 1.645 sd {cov:.3f})")
t, cov = best_of(conformal)
print(f"sklearn tree + numpy split conformal: best of 3 {t:.3f} s (coverage {cov:.3f})")
