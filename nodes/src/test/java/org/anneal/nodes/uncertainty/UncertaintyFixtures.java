package org.anneal.nodes.uncertainty;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;

/** Generated data with known truth and known Gaussian noise, for the uncertainty nodes' tests. */
final class UncertaintyFixtures {
    private UncertaintyFixtures() {
    }

    static StandaloneContext ctx(String node) {
        return new StandaloneContext(node, 42, Path.of("."));
    }

    /** y = sin(3x) + x + N(0, noise²), x uniform in [−2, 2]: curved, so a straight line is a poor (but honest) model. */
    static Table curve(int n, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -2 + 4 * r.nextDouble();
            y[i] = Math.sin(3 * x[i]) + x[i] + noise * gaussian(r);
        }
        return table(x, y);
    }

    static Table table(double[] x, double[] y) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller; 1 − u keeps the logarithm finite
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
