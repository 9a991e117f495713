"""The scikit-learn side of bench/network-bench.sh, and its data: writes the CSVs, or trains MLPRegressor and prints JSON."""
import json, resource, sys, time

import numpy as np


def write(folder, rows, features, seed):
    rng = np.random.default_rng(seed)
    header = ",".join([f"x{j + 1}" for j in range(features)] + ["y"])
    for name, n in (("train", rows), ("test", rows // 4)):
        x = rng.standard_normal((n, features))
        y = np.sin(x[:, 0]) + 0.5 * x[:, 1] * x[:, 2] + 0.3 * x[:, 3] ** 2 + 0.1 * x[:, 4:].sum(axis=1) + 0.05 * rng.standard_normal(n)
        np.savetxt(f"{folder}/{name}.csv", np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt="%.6f")


def train(folder, epochs, batch, rate):
    from sklearn.neural_network import MLPRegressor
    from sklearn.metrics import r2_score
    train = np.loadtxt(f"{folder}/train.csv", delimiter=",", skiprows=1)
    test = np.loadtxt(f"{folder}/test.csv", delimiter=",", skiprows=1)
    m = MLPRegressor(hidden_layer_sizes=(64, 32), activation="tanh", solver="adam", alpha=0.0, batch_size=batch,
                     learning_rate_init=rate, max_iter=epochs, shuffle=True, random_state=42, tol=0.0,
                     n_iter_no_change=epochs + 1, early_stopping=False)
    t0 = time.perf_counter()
    c0 = time.process_time()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "max_iter reached": intended, same epochs as Anneal
        m.fit(train[:, :-1], train[:, -1])
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    r2 = r2_score(test[:, -1], m.predict(test[:, :-1]))
    u = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"fitSeconds": seconds, "fitCpuSeconds": cpu, "processCpuSeconds": u.ru_utime + u.ru_stime,
                      "testR2": r2, "epochs": m.n_iter_, "peakRssMiB": u.ru_maxrss / 1024}))


if __name__ == "__main__":
    if sys.argv[1] == "data":
        write(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), 7)
    else:
        train(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
