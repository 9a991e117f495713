"""Python side of bench/image-bench.sh (Debian python3-numpy, python3-scipy, python3-pil; run with /usr/bin/python3).

  image_bench.py make DIR N SIZE SEED   writes N grey PNG micrographs of SIZE x SIZE: two-phase blobs (a blurred random field
                                       cut at a random level), scan-line stripes, Gaussian noise
  image_bench.py run DIR                times what the Anneal workflow does on the same files, and prints one JSON line:
                                       load (PIL -> float32 in [0, 1]), segment (Otsu on a 256-bin histogram between the image's
                                       minimum and maximum, dark phase, 4-connected particles: fraction, count, mean area and
                                       mean equivalent diameter), fft (mean removed, Hann window, |F|^2, 16 radial rings and
                                       the dominant period)
"""
import glob
import json
import os
import sys
import time

import numpy as np
from PIL import Image
from scipy import ndimage


def make(folder, n, size, seed):
    rng = np.random.default_rng(seed)
    os.makedirs(folder, exist_ok=True)
    y = np.arange(size)[:, None]
    for i in range(n):
        field = ndimage.gaussian_filter(rng.standard_normal((size, size)), sigma=rng.uniform(3, 8))
        cut = np.quantile(field, rng.uniform(0.15, 0.4))
        img = np.where(field < cut, 0.3, 0.75) + 0.05 * np.sin(2 * np.pi * y / rng.uniform(6, 20)) + rng.normal(0, 0.03, (size, size))
        Image.fromarray((np.clip(img, 0, 1) * 255).round().astype(np.uint8), mode="L").save(os.path.join(folder, "m%05d.png" % i))


def otsu(g):
    lo, hi = g.min(), g.max()  # float32, and their difference in float32, as the Java code
    if not hi > lo:
        return float(hi)
    scale = (256 - 1e-9) / float(hi - lo)
    hist = np.bincount(((g - lo).astype(np.float64) * scale).astype(np.int64).ravel(), minlength=256).astype(np.float64)
    b = np.arange(256)
    count_dark = np.cumsum(hist)[:-1]
    sum_dark = np.cumsum(hist * b)[:-1]
    n = hist.sum()
    total = (hist * b).sum()
    count_bright = n - count_dark
    with np.errstate(divide="ignore", invalid="ignore"):
        between = count_dark * count_bright * (sum_dark / count_dark - (total - sum_dark) / count_bright) ** 2
    between[(count_dark == 0) | (count_bright == 0)] = -1
    return float(lo) + (int(np.argmax(between)) + 1) / scale


def segment(g):
    mask = g < otsu(g)
    labels, count = ndimage.label(mask)
    areas = np.bincount(labels.ravel())[1:]
    return mask.mean(), count, areas.mean() if count else 0, np.sqrt(4 * areas / np.pi).mean() if count else 0


def fft(g, bins=16):
    h, w = g.shape
    win = np.outer(0.5 - 0.5 * np.cos(2 * np.pi * np.arange(h) / h), 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(w) / w))
    x = (g - g.mean()) * win
    p = np.fft.fftshift(np.abs(np.fft.fft2(x)) ** 2) / ((win ** 2).sum() * g.size)
    fy = (np.arange(h) - h // 2) / h
    fx = (np.arange(w) - w // 2) / w
    f = np.hypot(fy[:, None], fx[None, :])
    ring = (f / 0.5 * bins).astype(np.int64)
    inside = ring < bins
    radial = np.log10(np.bincount(ring[inside], p[inside], bins) / np.bincount(ring[inside], minlength=bins) + 1e-12)
    spectrum = np.log10(p + 1e-12).astype(np.float32)  # the tensor column Anneal keeps
    p0 = np.where(f > 0, p, -1)
    period = 1 / f.ravel()[np.argmax(p0)]
    return radial, period, spectrum


def run(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.png")))
    t0 = time.perf_counter()
    images = np.stack([np.asarray(Image.open(f), dtype=np.float32) / 255 for f in files])
    t1 = time.perf_counter()
    seg = [segment(g) for g in images]
    t2 = time.perf_counter()
    spectra = [fft(g) for g in images]
    t3 = time.perf_counter()
    print(json.dumps({"images": len(files), "load": t1 - t0, "segment": t2 - t1, "fft": t3 - t2,
                      "meanAreaFraction": float(np.mean([s[0] for s in seg])), "meanParticles": float(np.mean([s[1] for s in seg])),
                      "meanPeriod": float(np.mean([s[1] for s in spectra]))}))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        run(sys.argv[2])
