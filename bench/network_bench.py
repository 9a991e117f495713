"""Helpers of bench/network-bench.sh: data, the benchmark workflows, the scikit-learn side, reading results, the report."""
import json, resource, statistics, sys, time

import numpy as np

FEATURES = 20


def write(folder, rows, features, seed):
    rng = np.random.default_rng(seed)
    header = ",".join([f"x{j + 1}" for j in range(features)] + ["y"])
    for name, n in (("train", rows), ("test", rows // 4)):
        x = rng.standard_normal((n, features))
        y = np.sin(x[:, 0]) + 0.5 * x[:, 1] * x[:, 2] + 0.3 * x[:, 3] ** 2 + 0.1 * x[:, 4:].sum(axis=1) + 0.05 * rng.standard_normal(n)
        np.savetxt(f"{folder}/{name}.csv", np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt="%.6f")


def workflow(title, nodes, links):
    return {"format": "anneal-workflow", "version": 1, "meta": {"title": title, "seed": 42, "device": "cpu"},
            "nodes": [{"id": i, "type": t, "params": p} for i, t, p in nodes], "links": [{"from": a, "to": b} for a, b in links]}


def workflows(d, epochs, batch, rate, images, cnn_epochs, cnn_batch, act):
    mlp = workflow("network benchmark: MLP", [
        ("train", "data.csv", {"path": "train.csv", "target": "y"}), ("test", "data.csv", {"path": "test.csv", "target": "y"}),
        ("input", "nn.input", {}), ("h1", "nn.dense", {"units": 64, "activation": act}),
        ("h2", "nn.dense", {"units": 32, "activation": act}), ("mlp", "model.network", {"epochs": epochs, "batchSize": batch}),
        ("adam", "optim.adam", {"learningRate": rate}), ("fit", "train.fit", {}), ("score", "evaluate.regression", {})],
        [("train:table", "input:table"), ("input:network", "h1:in"), ("h1:out", "h2:in"), ("h2:out", "mlp:network"),
         ("mlp:learner", "fit:learner"), ("adam:optimizer", "fit:optimizer"), ("train:table", "fit:train"),
         ("fit:model", "score:model"), ("test:table", "score:data")])
    cnn = workflow("network benchmark: CNN throughput", [
        ("images", "data.generate-micrographs", {"specimens": images // 4, "fieldsPerSpecimen": 4, "size": 64, "pixelSize": 1.0}),
        ("split", "split.holdout", {"test": 0.25}), ("input", "nn.input", {"columns": ["image"]}),
        ("conv1", "nn.conv2d", {"filters": 16, "kernel": [3, 3]}), ("pool1", "nn.pool", {}),
        ("conv2", "nn.conv2d", {"filters": 32, "kernel": [3, 3]}), ("pool2", "nn.pool", {}),
        ("gpool", "nn.global-pool", {"pool": "max"}), ("hidden", "nn.dense", {"units": 16, "activation": "tanh"}),
        ("cnn", "model.network", {"epochs": cnn_epochs, "batchSize": cnn_batch}), ("adam", "optim.adam", {"learningRate": 0.005}),
        ("fit", "train.fit", {}), ("score", "evaluate.classification", {})],
        [("images:table", "split:table"), ("images:table", "input:table"), ("input:network", "conv1:in"), ("conv1:out", "pool1:in"),
         ("pool1:out", "conv2:in"), ("conv2:out", "pool2:in"), ("pool2:out", "gpool:in"), ("gpool:out", "hidden:in"),
         ("hidden:out", "cnn:network"), ("cnn:learner", "fit:learner"), ("adam:optimizer", "fit:optimizer"),
         ("split:train", "fit:train"), ("fit:model", "score:model"), ("split:test", "score:data")])
    layers = [(f"d{i}", "nn.dense", {"units": 64, "activation": "relu"}) for i in range(1, 31)]
    chain = workflow("network benchmark: 30-layer chain", [("train", "data.csv", {"path": "train.csv", "target": "y"}),
                                                           ("input", "nn.input", {})] + layers +
                     [("mlp", "model.network", {}), ("fit", "train.fit", {})],
                     [("train:table", "input:table"), ("input:network", "d1:in")] +
                     [(f"d{i}:out", f"d{i + 1}:in") for i in range(1, 30)] +
                     [("d30:out", "mlp:network"), ("mlp:learner", "fit:learner"), ("train:table", "fit:train")])
    for name, w in (("mlp", mlp), ("cnn", cnn), ("chain30", chain)):
        json.dump(w, open(f"{d}/{name}.json", "w"), indent=1)


def train(folder, epochs, batch, rate, act):
    from sklearn.neural_network import MLPRegressor
    from sklearn.metrics import mean_squared_error
    train = np.loadtxt(f"{folder}/train.csv", delimiter=",", skiprows=1)
    test = np.loadtxt(f"{folder}/test.csv", delimiter=",", skiprows=1)
    m = MLPRegressor(hidden_layer_sizes=(64, 32), activation=act, solver="adam", alpha=0.0, batch_size=batch,
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
    mse = mean_squared_error(test[:, -1], m.predict(test[:, :-1]))
    u = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"fitSeconds": seconds, "fitCpuSeconds": cpu, "processCpuSeconds": u.ru_utime + u.ru_stime,
                      "validationMse": mse, "epochs": m.n_iter_, "peakRssMiB": u.ru_maxrss / 1024}))


def trainer_log(folder):
    """The wall and CPU seconds Anneal's trainer logged for its fit(s) in this run (anneal-logs/ under the run's temp folder)."""
    import glob, re
    wall = cpu = 0.0
    for f in glob.glob(f"{folder}/anneal-logs/*.log"):
        for m in re.finditer(r"network fit of \d+ rows: ([\d.]+) s, ([\d.]+) s CPU", open(f).read()):
            wall, cpu = wall + float(m.group(1)), cpu + float(m.group(2))
    return wall or None, cpu or None


def result(results_json, time_txt, tmp):
    r = json.load(open(results_json))
    trainer_wall, trainer_cpu = trainer_log(tmp)
    seconds = {n["id"]: n.get("seconds") for n in r["nodes"]}
    user, system, rss = open(time_txt).read().split()[-3:]
    score = r["metrics"].get("score", {})
    print(json.dumps({"fitSeconds": seconds.get("fit"), "trainerSeconds": trainer_wall, "trainerCpuSeconds": trainer_cpu,
                      "scoreSeconds": seconds.get("score"), "validationMse": score.get("mse"),
                      "testRows": score.get("rows"), "accuracy": score.get("accuracy"),
                      "processCpuSeconds": float(user) + float(system), "peakRssMiB": int(rss) / 1024,
                      "native": r["provenance"]["device"].get("native")}))


def report(runs_txt, out, rows, epochs, batch, rate, images, cnn_epochs, cnn_batch, act):
    runs, loads, loads_avg = {}, [], []
    for line in open(runs_txt):
        side, _, rest = line.partition(" ")
        if side == "load":
            loads.append(line.strip())
            loads_avg.append(float(line.split("load average:")[1].split(",")[0]))
        else:
            runs.setdefault(side, []).append(json.loads(rest))

    def med(side, key):
        return statistics.median(r[key] for r in runs[side])

    def least(side, key):  # the least disturbed run: other processes only ever add time
        return min(r[key] for r in runs[side])

    a_fit, s_fit = least("anneal-mlp", "fitSeconds"), least("sklearn", "fitSeconds")
    a_cpu = least("anneal-mlp", "trainerCpuSeconds")
    a_mse, s_mse = med("anneal-mlp", "validationMse"), med("sklearn", "validationMse")
    d_tuned, d_default = least("direct-mlp-tuned", "fitSeconds"), least("direct-mlp-default", "fitSeconds")
    c_tuned, c_default = least("direct-mlp-tuned", "fitCpuSeconds"), least("direct-mlp-default", "fitCpuSeconds")
    d_load, c_load = least("direct-mlp-tuned", "loadSeconds"), least("direct-mlp-tuned", "loadCpuSeconds")
    c_sk = least("sklearn", "fitCpuSeconds")
    to_target = [r for r in runs["direct-mlp-tuned"] if r.get("epochsToTarget", -1) > 0]
    same = "reached" if a_mse <= s_mse * 1.02 else "NOT reached"
    native = runs["anneal-mlp"][0].get("native") or {}
    lines = [f"# bench/network-bench.sh — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
             f"ND4J {native.get('nd4j')} {native.get('backend')} {native.get('binaryLevel')} {native.get('blas')}, "
             f"{native.get('nativeThreads')} native thread, {native.get('dataType')}; machine load (1-min average) "
             f"{min(loads_avg)}-{max(loads_avg)} on 2 cores: wall times are inflated, CPU times much less",
             f"1. MLP {rows} x 20 (+{int(rows) // 4} validation rows), 20-64-32-1 {act}, Adam {rate}, {epochs} epochs, batch {batch} on both sides "
             f"(scikit-learn ran {runs['sklearn'][0]['epochs']} epochs); least disturbed of {len(runs['sklearn'])} alternating runs, medians for MSEs",
             f"   training wall   anneal {a_fit:.2f} s   sklearn {s_fit:.2f} s   ratio anneal/sklearn {a_fit / s_fit:.2f}",
             f"   training CPU    anneal {a_cpu:.2f} s   sklearn {c_sk:.2f} s   ratio {a_cpu / c_sk:.2f}"
             "   (CPU of the training thread, first ND4J load included; Anneal's trainer logs it)",
             f"   plain DL4J loop CPU {c_tuned:.2f} s (+ {c_load:.2f} s ND4J load)   ratio to sklearn {c_tuned / c_sk:.2f} without the load, "
             f"{(c_tuned + c_load) / c_sk:.2f} with it",
             f"   validation MSE  anneal {a_mse:.4f}   sklearn {s_mse:.4f}   plain DL4J loop {med('direct-mlp-tuned', 'validationMse'):.4f}"
             f"   -> sklearn's loss {same} by anneal in the same epochs"]
    if to_target:
        t = min(to_target, key=lambda r: r["cpuSecondsToTarget"])
        lines.append(f"   time to sklearn's validation MSE: the plain DL4J loop needs {t['epochsToTarget']} epochs, "
                     f"{t['cpuSecondsToTarget']:.2f} s CPU (+ {c_load:.2f} s load) vs sklearn {c_sk:.2f} s: ratio "
                     f"{t['cpuSecondsToTarget'] / c_sk:.2f} ({(t['cpuSecondsToTarget'] + c_load) / c_sk:.2f} with the load)")
    else:
        lines.append(f"   time to sklearn's validation MSE: not reached by the plain DL4J loop within {3 * int(epochs)} epochs")
    lines += [
             f"   process CPU     anneal {med('anneal-mlp', 'processCpuSeconds'):.2f} s   sklearn {med('sklearn', 'processCpuSeconds'):.2f} s"
             "   (whole process incl. start-up, JIT compiler threads and CSV reading)",
             f"   peak memory     anneal {med('anneal-mlp', 'peakRssMiB'):.0f} MiB   sklearn {med('sklearn', 'peakRssMiB'):.0f} MiB",
             f"2. executor overhead: workflow train.fit vs the same DL4J loop called directly, both with the first ND4J load: "
             f"wall {a_fit:.2f} s vs {d_tuned + d_load:.2f} s ({d_load:.2f} s load): ratio {a_fit / (d_tuned + d_load):.3f}; "
             f"CPU {a_cpu:.2f} s vs {c_tuned + c_load:.2f} s: ratio {a_cpu / (c_tuned + c_load):.3f}",
             f"   the loop a DL4J user writes (DL4J's defaults, a new array per minibatch) {d_default:.2f} s vs Anneal's loop {d_tuned:.2f} s: "
             f"{d_default / d_tuned:.2f}x wall, CPU {c_default:.2f} s vs {c_tuned:.2f} s: {c_default / c_tuned:.2f}x",
             f"3. CNN 64x64 grey, {images} generated images (3/4 train), {cnn_epochs} epochs, batch {cnn_batch}: images/s"]
    for t in (1, 2):
        a, d = runs[f"anneal-cnn-{t}"][0], runs[f"direct-cnn-{t}"][0]
        n_train = int(images) - (a["testRows"] or 0)
        a_train = n_train * int(cnn_epochs) / a["fitSeconds"]
        a_infer = (a["testRows"] or 0) / max(a["scoreSeconds"], 1e-3)
        lines.append(f"   {t} thread{'s' if t > 1 else ' '}  training anneal {a_train:.0f}  plain DL4J {d['trainImagesPerSecond']:.0f}  "
                     f"ratio {a_train / d['trainImagesPerSecond']:.2f}   inference anneal {a_infer:.0f} (evaluate node, {a['testRows']} images)"
                     f"  plain DL4J {d['inferImagesPerSecond']:.0f}")
    c = runs["configure"][0]
    lines += [f"4. editor: configure of a 30-dense-layer chain headless: first {c['firstMs']:.1f} ms, median {c['medianMs']:.2f} ms, "
              f"max {c['maxMs']:.2f} ms over 40 edits (goal 100 ms); {c['nodesWithShapes']} nodes with shapes; native loaded: {c['nativeLoaded']}",
              "runs:"] + [f"  {s} {json.dumps(r)}" for s in runs for r in runs[s]] + ["loads:"] + [f"  {l}" for l in loads]
    open(out, "w").write("\n".join(lines) + "\n")
    print("\n".join(lines[:16]))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "data":
        write(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), 7)
    elif cmd == "workflows":
        workflows(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]),
                  sys.argv[9])
    elif cmd == "train":
        train(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6])
    elif cmd == "result":
        result(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        report(*sys.argv[2:])
