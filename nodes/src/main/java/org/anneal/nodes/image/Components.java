package org.anneal.nodes.image;

/** Connected components of a binary mask by a two-pass union–find labelling, and the thresholds that make the mask. */
final class Components {
    private Components() {
    }

    /**
     * Labels 1…n of the set pixels ({@code 0} elsewhere), numbered in raster order of their first pixel; 4-connected, or
     * 8-connected when {@code diagonal}.
     */
    static int[] label(boolean[] mask, int h, int w, boolean diagonal) {
        int[] parent = new int[h * w + 1];
        int[] lab = new int[h * w];
        int next = 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!mask[i]) {
                    continue;
                }
                int l = 0;
                l = join(parent, l, x > 0 ? lab[i - 1] : 0);
                l = join(parent, l, y > 0 ? lab[i - w] : 0);
                if (diagonal && y > 0) {
                    l = join(parent, l, x > 0 ? lab[i - w - 1] : 0);
                    l = join(parent, l, x < w - 1 ? lab[i - w + 1] : 0);
                }
                if (l == 0) {
                    l = next;
                    parent[next] = next;
                    next++;
                }
                lab[i] = l;
            }
        }
        int[] compact = new int[next];
        int n = 0;
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] != 0) {
                int root = find(parent, lab[i]);
                if (compact[root] == 0) {
                    compact[root] = ++n;
                }
                lab[i] = compact[root];
            }
        }
        return lab;
    }

    /** Joins the current label {@code l} with a neighbour's {@code m}; returns the smaller root (0 = none yet). */
    private static int join(int[] parent, int l, int m) {
        if (m == 0) {
            return l;
        }
        int rm = find(parent, m);
        if (l == 0) {
            return rm;
        }
        int rl = find(parent, l);
        if (rl != rm) {
            parent[Math.max(rl, rm)] = Math.min(rl, rm);
        }
        return Math.min(rl, rm);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Pixels per label; index 0 counts the background. */
    static long[] areas(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        long[] a = new long[max + 1];
        for (int l : labels) {
            a[l]++;
        }
        return a;
    }

    /**
     * Ridler–Calvard (ISODATA) threshold: start at the mean, then move to the midpoint of the means of the two sides until
     * it stops moving.
     */
    static double isodata(float[] g) {
        double t = 0;
        for (float v : g) {
            t += v;
        }
        t /= g.length;
        for (int it = 0; it < 100; it++) {
            double lo = 0;
            double hi = 0;
            long nl = 0;
            long nh = 0;
            for (float v : g) {
                if (v <= t) {
                    lo += v;
                    nl++;
                } else {
                    hi += v;
                    nh++;
                }
            }
            if (nl == 0 || nh == 0) {
                return t;
            }
            double next = (lo / nl + hi / nh) / 2;
            if (Math.abs(next - t) < 1e-7) {
                return next;
            }
            t = next;
        }
        return t;
    }
}
