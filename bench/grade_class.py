#!/usr/bin/python3
"""Helpers of grade-bench.sh (issue 14): make a class of hand-ins, and scikit-learn's side of the comparison.

  grade_class.py make HANDED_IN_DIR INBOX N       N hand-ins from the three handed-in examples, some broken or hostile;
                                                  INBOX.kinds lists the fits of each hand-in that runs (ridge or glass)
  grade_class.py sklearn DATASETS KIND            the fits one hand-in of KIND (ridge | glass) needs, timed; prints seconds

The class: about 40 % workflow 01 (ridge on elements.csv), 40 % workflow 11 (logistic regression and a 200-tree forest on
glass.csv), the rest puzzle 01 handed in unfixed (a scaler fitted before the split: runs, loses points), three with edited
metrics (tampered), two cut-off files (corrupt), a plain workflow (not-a-handin) and a symbolic link (refused). Copies
differ only in their file name, so every honest hand-in of one kind does the same work.
"""
import json
import os
import sys
import time


def make(handed_in, inbox, n):
    broken = ["tampered"] * 3 + ["corrupt"] * 2 + ["plain", "link"]
    leaky = max(1, n // 10)
    honest = n - len(broken) - leaky
    kinds = (["01-linear-regression"] * ((honest + 1) // 2) + ["11-glass-classification"] * (honest // 2)
             + ["01-scaler-before-split"] * leaky + broken)
    os.makedirs(inbox, exist_ok=True)
    texts = {k: open(os.path.join(handed_in, k + ".json"), encoding="utf-8").read()
             for k in ("01-linear-regression", "11-glass-classification", "01-scaler-before-split")}
    for i, kind in enumerate(kinds):
        path = os.path.join(inbox, "student-%02d.json" % (i + 1))
        if kind in texts:
            text = texts[kind]
        elif kind == "tampered":  # a better R2 typed into the recorded metrics: the digest no longer matches
            w = json.loads(texts["01-linear-regression"])
            w["handin"]["metrics"]["score"]["r2"] = 0.99
            text = json.dumps(w, indent=2)
        elif kind == "corrupt":
            text = texts["11-glass-classification"][: 2000]
        elif kind == "plain":  # the workflow without its hand-in block
            w = json.loads(texts["01-linear-regression"])
            del w["handin"]
            text = json.dumps(w, indent=2)
        else:  # a symbolic link to a file outside the folder
            os.symlink(os.path.join(handed_in, "01-linear-regression.json"), path)
            continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(inbox.rstrip("/") + ".kinds", "w") as f:  # puzzle 01 fits a ridge on elements.csv as workflow 01 does
        f.writelines("glass\n" if k.startswith("11") else "ridge\n" for k in kinds if k in texts)
    print("%d hand-ins: %d honest (%d ridge, %d glass), %d leaky, %d broken or hostile"
          % (len(kinds), honest, (honest + 1) // 2, honest // 2, leaky, len(broken)))


def sklearn_fits(datasets, kind):
    """What grading one hand-in computes, in scikit-learn: read the CSV, split, scale, fit, score."""
    start = time.perf_counter()
    import csv
    import numpy as np
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import accuracy_score, r2_score
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import RobustScaler, StandardScaler
    imported = time.perf_counter()
    def read(name):  # python3-pandas is not installed: the csv module and numpy, as plainly as Anneal's reader
        with open(os.path.join(datasets, name), newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    if kind == "ridge":
        features = ["atomic_number", "period", "atomic_mass_u", "covalent_radius_angstrom"]
        rows = [r for r in read("elements.csv") if r["covalent_radius_angstrom"] not in ("", "NA") and r["density_g_cm3"] not in ("", "NA")]
        X = np.array([[float(r[c]) for c in features] for r in rows])
        y = np.array([float(r["density_g_cm3"]) for r in rows])
        Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=42)
        s = StandardScaler().fit(Xtr)
        score = r2_score(yte, Ridge(alpha=0.1).fit(s.transform(Xtr), ytr).predict(s.transform(Xte)))
    else:
        rows = read("glass.csv")
        features = [c for c in rows[0] if c != "glass_type"]
        X = np.array([[float(r[c]) for c in features] for r in rows])
        y = np.array([r["glass_type"] for r in rows])
        Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=42)
        s = RobustScaler().fit(Xtr)
        Xtr, Xte = s.transform(Xtr), s.transform(Xte)
        logistic = accuracy_score(yte, LogisticRegression(max_iter=200).fit(Xtr, ytr).predict(Xte))
        forest = RandomForestClassifier(n_estimators=200, n_jobs=1, random_state=42).fit(Xtr, ytr)
        score = (logistic, accuracy_score(yte, forest.predict(Xte)))
    done = time.perf_counter()
    return imported - start, done - imported, score


def main():
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "sklearn":
        # KIND... : every kind in one process (imports paid once), or one kind per process (as a child JVM per hand-in)
        total_import, total_fit = 0.0, 0.0
        for kind in sys.argv[3:]:
            imp, fit, _ = sklearn_fits(sys.argv[2], kind)
            total_import, total_fit = total_import + imp, total_fit + fit
        print("%.3f %.3f" % (total_import, total_fit))


if __name__ == "__main__":
    main()
