#!/usr/bin/python3
"""The pipeline of bench/leakage-bench.sh as a student would write it with scikit-learn, run as a whole process.

Reads the CSV (numpy.loadtxt: Debian's python3-sklearn brings numpy, not pandas), splits 80/20 (shuffled, seed 42),
fits StandardScaler on the training rows, Ridge(alpha=0.1) on the scaled training rows, and prints the test metrics
that Anneal's evaluate.regression prints (mse, rmse, mae, r2, max_error).

usage: leakage_sklearn.py CSV
"""
import sys

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.metrics import max_error, mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1]
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, shuffle=True, random_state=42)
scaler = StandardScaler().fit(Xtr)
model = Ridge(alpha=0.1).fit(scaler.transform(Xtr), ytr)
pred = model.predict(scaler.transform(Xte))
mse = mean_squared_error(yte, pred)
print(f"Metrics of 'score' ({len(yte)} rows):")
for name, value in (("mse", mse), ("rmse", mse ** 0.5), ("mae", mean_absolute_error(yte, pred)), ("r2", r2_score(yte, pred)),
                    ("max_error", max_error(yte, pred))):
    print(f"    {name:<18} {value:.6g}")
