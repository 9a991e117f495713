package org.anneal.nodes.cluster;

import java.util.List;
import java.util.Locale;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;

/** Fitted k-means: labels each row with its nearest centre. Applying it never moves a centre. */
record KMeansState(NearestCentre centres, String output, String node, double fitInertia) implements FittedTransform {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "k-means: %d cluster(s) on %d column(s), inertia %.4g on the fit rows",
                centres.centres().length, centres.columns().size(), fitInertia);
    }

    @Override
    public List<String> columns() {
        return centres.columns();
    }

    @Override
    public Table apply(Table data) {
        int[] c = centres.assign(ClusterData.matrix(data, centres.columns(), node));
        return ClusterColumn.add(data, output, c, centres.centres().length, List.of());
    }
}
