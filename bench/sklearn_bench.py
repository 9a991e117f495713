#!/usr/bin/python3
"""scikit-learn's half of the comparison run by sklearn-bench.sh; mirrors org.anneal.bench.SklearnComparison.

Stages, each timed: parse the CSV (pandas.read_csv, C engine) into a float64 matrix; split 80/20 (shuffled, seed 42)
-> StandardScaler fitted on train -> Ridge(alpha=0.1) -> r2 on test; the first FOREST_ROWS rows split the same way ->
RandomForestRegressor(n_estimators=TREES, max_depth=DEPTH, max_features=FRACTION, min_samples_leaf=5, n_jobs=1)
-> r2 on test. One warm-up repetition, then REPETITIONS timed ones. Prints one JSON object.

usage: sklearn_bench.py CSV FOREST_ROWS TREES DEPTH FEATURE_FRACTION REPETITIONS
"""
import json
import platform
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def parse(path):
    df = pd.read_csv(path, engine="c", dtype=np.float64)
    y = df["y"].to_numpy()
    X = df.drop(columns=["y"]).to_numpy()
    return X, y


def ridge(X, y):
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, shuffle=True, random_state=42)
    scaler = StandardScaler().fit(Xtr)
    model = Ridge(alpha=0.1).fit(scaler.transform(Xtr), ytr)
    return r2_score(yte, model.predict(scaler.transform(Xte)))


def forest(X, y, trees, depth, fraction):
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, shuffle=True, random_state=42)
    model = RandomForestRegressor(n_estimators=trees, max_depth=depth, max_features=fraction, min_samples_leaf=5,
                                  bootstrap=True, n_jobs=1, random_state=42).fit(Xtr, ytr)
    return r2_score(yte, model.predict(Xte))


def main():
    path, forest_rows, trees, depth, fraction, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        float(sys.argv[5]), int(sys.argv[6])
    out = {"side": "sklearn", "python": platform.python_version(), "sklearn": sklearn.__version__, "numpy": np.__version__,
           "pandas": pd.__version__, "runs": []}
    for r in range(reps + 1):
        run = {}
        t0 = time.perf_counter()
        X, y = parse(path)
        run["parseSeconds"] = time.perf_counter() - t0
        run["rows"] = len(y)
        t1 = time.perf_counter()
        run["ridgeR2"] = ridge(X, y)
        run["ridgeSeconds"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        run["forestR2"] = forest(X[:forest_rows], y[:forest_rows], trees, depth, fraction)
        run["forestSeconds"] = time.perf_counter() - t2
        print("sklearn %s: parse %.2f s, ridge %.2f s, forest %.2f s" % ("warm-up" if r == 0 else "run %d" % r,
              run["parseSeconds"], run["ridgeSeconds"], run["forestSeconds"]), file=sys.stderr)
        if r > 0:
            out["runs"].append(run)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
