package org.anneal.nodes.prepare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Gaussian bumps exp(-(x - c)² / (2 w²)) at centres c per column, all of width w for that column. */
final class RbfBasis extends BasisExpansion {
    private final double[][] centres;
    private final double[] widths;

    RbfBasis(List<String> columns, double[][] centres, double[] widths, boolean keepOriginal) {
        super(columns, keepOriginal);
        this.centres = Arrays.stream(centres).map(double[]::clone).toArray(double[][]::new);
        this.widths = widths.clone();
    }

    double[] centres(int j) {
        return centres[j].clone();
    }

    double width(int j) {
        return widths[j];
    }

    @Override
    String suffix() {
        return "rbf";
    }

    @Override
    int size(int j) {
        return centres[j].length;
    }

    @Override
    void evaluate(int j, double x, double[] out) {
        double twoW2 = 2 * widths[j] * widths[j];
        for (int k = 0; k < centres[j].length; k++) {
            double d = x - centres[j][k];
            out[k] = Math.exp(-d * d / twoW2);
        }
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("Gaussian RBF basis");
        for (int j = 0; j < columns().size(); j++) {
            sb.append(String.format(Locale.ROOT, "; %s: %d centres from %.4g to %.4g, width %.4g", columns().get(j), centres[j].length,
                    centres[j][0], centres[j][centres[j].length - 1], widths[j]));
        }
        return sb.toString();
    }
}
