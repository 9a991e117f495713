package org.anneal.nodes.prepare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * B-spline basis of a given degree on a clamped knot vector per column (boundary knots repeated degree + 1
 * times), evaluated with de Boor's algorithm (Piegl and Tiller, The NURBS Book, A2.2). The functions are
 * non-negative and sum to 1 inside the fitted range; outside it x is clamped to the range, so the fitted curve
 * continues flat instead of exploding like a polynomial.
 */
final class SplineBasis extends BasisExpansion {
    private final int degree;
    private final double[][] knots;

    /** @param knots per column the full clamped knot vector */
    SplineBasis(List<String> columns, int degree, double[][] knots, boolean keepOriginal) {
        super(columns, keepOriginal);
        this.degree = degree;
        this.knots = Arrays.stream(knots).map(double[]::clone).toArray(double[][]::new);
    }

    /** The clamped knot vector for a column with these boundary and interior knots. */
    static double[] clamped(double lo, double hi, double[] interior, int degree) {
        double[] t = new double[interior.length + 2 * (degree + 1)];
        for (int i = 0; i <= degree; i++) {
            t[i] = lo;
            t[t.length - 1 - i] = hi;
        }
        System.arraycopy(interior, 0, t, degree + 1, interior.length);
        return t;
    }

    static int count(int interiorKnots, int degree) {
        return interiorKnots + degree + 1;
    }

    double[] knots(int j) {
        return knots[j].clone();
    }

    @Override
    String suffix() {
        return "bs";
    }

    @Override
    int size(int j) {
        return knots[j].length - degree - 1;
    }

    @Override
    void evaluate(int j, double x, double[] out) {
        double[] t = knots[j];
        int n = size(j);
        double u = Math.max(t[0], Math.min(t[t.length - 1], x));
        int span = span(t, n, u);
        double[] nz = new double[degree + 1];
        double[] left = new double[degree + 1];
        double[] right = new double[degree + 1];
        nz[0] = 1;
        for (int d = 1; d <= degree; d++) {
            left[d] = u - t[span + 1 - d];
            right[d] = t[span + d] - u;
            double saved = 0;
            for (int r = 0; r < d; r++) {
                double temp = nz[r] / (right[r + 1] + left[d - r]);
                nz[r] = saved + right[r + 1] * temp;
                saved = left[d - r] * temp;
            }
            nz[d] = saved;
        }
        Arrays.fill(out, 0, n, 0);
        for (int r = 0; r <= degree; r++) {
            out[span - degree + r] = nz[r];
        }
    }

    /** The knot span [t_k, t_k+1) holding u; at the right end the last non-empty span. */
    private int span(double[] t, int n, double u) {
        for (int k = n - 1; k >= degree; k--) {
            if (t[k] < t[k + 1] && t[k] <= u) {
                return k;
            }
        }
        return degree;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("B-spline basis of degree " + degree);
        for (int j = 0; j < columns().size(); j++) {
            sb.append("; ").append(columns().get(j)).append(": knots ");
            double[] inner = Arrays.copyOfRange(knots[j], degree, knots[j].length - degree);
            sb.append(Arrays.stream(inner).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).toList());
        }
        return sb.toString();
    }
}
