package org.anneal.nodes.cluster;

import java.util.List;
import java.util.Locale;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ColumnRole;

/**
 * Fitted Gaussian mixture: each row goes to the component with the highest responsibility, and the
 * {@code <output>_probability} column says how sure that is (1 = deep inside one component, 1/k = on a border).
 */
record MixtureState(GaussianMixture mixture, String output, String node, double fitLogLikelihood) implements FittedTransform {

    static String probabilityColumn(String output) {
        return output + "_probability";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Gaussian mixture: %d component(s) on %d column(s), log-likelihood %.4g on the fit rows",
                mixture.k(), mixture.columns().size(), fitLogLikelihood);
    }

    @Override
    public List<String> columns() {
        return mixture.columns();
    }

    @Override
    public Table apply(Table data) {
        double[][] x = ClusterData.matrix(data, mixture.columns(), node);
        double[][][] chol = mixture.cholesky();
        int[] cluster = new int[x.length];
        double[] sure = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] r = mixture.logDensities(x[i], chol);
            GaussianMixture.normalise(r);
            for (int c = 1; c < r.length; c++) {
                if (r[c] > r[cluster[i]]) {
                    cluster[i] = c;
                }
            }
            sure[i] = r[cluster[i]];
        }
        // IGNORE: a soft membership is for looking at, and must not slip into a learner's features unasked
        return ClusterColumn.add(data, output, cluster, mixture.k(),
                List.of(new NumericColumn(probabilityColumn(output), ColumnRole.IGNORE, sure)));
    }
}
