package org.anneal.nodes.model;

import java.util.function.Function;

/**
 * Maximises a smooth function of a few variables inside a box by BFGS with a backtracking (Armijo) line search; a
 * coordinate on its bound whose gradient points outwards is held there. Enough for fitting a handful of kernel
 * hyperparameters in log space; the point where the function is undefined (a singular matrix) counts as a failed step.
 */
final class Bfgs {
    /** A point with its value and gradient. */
    record Point(double[] x, double value, double[] gradient) {
    }

    private Bfgs() {
    }

    /** The best point reached from {@code start} (which must be defined), within [{@code low}, {@code high}]. */
    static Point maximise(Function<double[], Point> f, Point start, double[] low, double[] high, int maxIterations, Runnable checkCancelled) {
        int m = start.x().length;
        double[][] h = identity(m);
        Point p = start;
        for (int iter = 0; iter < maxIterations; iter++) {
            checkCancelled.run();
            double[] g = projected(p, low, high);
            if (maxAbs(g) < 1e-4) { // in log parameters: a change of e^0.01 moves the likelihood by under 1e-6
                break;
            }
            double[] dir = times(h, g);
            if (dot(dir, g) <= 0) {
                h = identity(m);
                dir = g.clone();
            }
            double longest = maxAbs(dir);
            double t = longest > 2 ? 2 / longest : 1; // at most a factor e² per step in any parameter
            Point next = null;
            for (int tries = 0; tries < 30 && next == null; tries++, t /= 2) {
                double[] x = new double[m];
                for (int i = 0; i < m; i++) {
                    x[i] = Math.min(high[i], Math.max(low[i], p.x()[i] + t * dir[i]));
                }
                Point candidate = f.apply(x);
                double gain = 0;
                for (int i = 0; i < m; i++) {
                    gain += g[i] * (x[i] - p.x()[i]);
                }
                if (candidate != null && candidate.value() >= p.value() + 1e-4 * gain) {
                    next = candidate;
                }
            }
            if (next == null) {
                break;
            }
            h = updated(h, p, next);
            boolean stalled = next.value() - p.value() < 1e-9 * (1 + Math.abs(p.value()));
            p = next;
            if (stalled) {
                break;
            }
        }
        return p;
    }

    private static double[] projected(Point p, double[] low, double[] high) {
        double[] g = p.gradient().clone();
        for (int i = 0; i < g.length; i++) {
            if ((p.x()[i] <= low[i] && g[i] < 0) || (p.x()[i] >= high[i] && g[i] > 0)) {
                g[i] = 0;
            }
        }
        return g;
    }

    /** BFGS update of the inverse Hessian of −f: s the step, y the change of −∇f; skipped when the curvature is not positive. */
    private static double[][] updated(double[][] h, Point from, Point to) {
        int m = h.length;
        double[] s = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = to.x()[i] - from.x()[i];
            y[i] = from.gradient()[i] - to.gradient()[i];
        }
        double sy = dot(s, y);
        if (sy <= 1e-12) {
            return h;
        }
        double rho = 1 / sy;
        double[] hy = times(h, y);
        double yhy = dot(y, hy);
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
        return out;
    }

    private static double[][] identity(int m) {
        double[][] h = new double[m][m];
        for (int i = 0; i < m; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
