package org.anneal.nodes.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.ml.MetricNames;
import org.anneal.ml.Metrics;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

@NodeType(id = "evaluate.pick-best", title = "Pick the best model", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        doc = """
                Compares the metrics of two or three candidate models and passes on those of the best, with `best` set to 1, 2 \
                or 3. Compare on validation rows (or cross-validation): the best of several test scores is an optimistic \
                estimate, because the choice itself was fitted to the test rows.""")
public final class PickBestNode implements Node<PickBestNode.Params> {

    public record Params(
            @Param(doc = "Metric to compare", def = "\"r2\"") String metric,
            @Param(doc = "Higher is better (r2, accuracy); off for errors (rmse, mae)", def = "true") boolean higherIsBetter) {
    }

    static final InPort<Metrics> A = InPort.of("a", DataKind.METRICS, Metrics.class, "Metrics of candidate 1").choosing();
    static final InPort<Metrics> B = InPort.of("b", DataKind.METRICS, Metrics.class, "Metrics of candidate 2").choosing();
    static final InPort<Metrics> C = InPort.of("c", DataKind.METRICS, Metrics.class, "Metrics of candidate 3").optional().choosing();
    static final OutPort<Metrics> BEST = OutPort.of("best", DataKind.METRICS, Metrics.class, "The best candidate's metrics, and which it was");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (!MetricNames.known(p.metric())) { // issue 14: a typo here failed only at run time, after every candidate was fitted
            throw ConfigError.atParam("metric", MetricNames.unknown(p.metric()), "Use one of: " + MetricNames.listed() + ".");
        }
        // the best candidate's metrics are candidate a's kind of metrics (cross-validated or not), with a's rows
        return Specs.of(BEST, in.value(A));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        List<Metrics> candidates = new ArrayList<>(List.of(in.get(A), in.get(B)));
        if (in.has(C)) {
            candidates.add(in.get(C));
        }
        int best = 0;
        for (int i = 0; i < candidates.size(); i++) {
            if (!candidates.get(i).values().containsKey(p.metric())) {
                throw new org.anneal.spec.NodeFailure("Candidate " + (i + 1) + " has no metric '" + p.metric() + "'.",
                        "Pick one of " + candidates.get(i).values().keySet() + ".");
            }
            double x = candidates.get(i).get(p.metric());
            double b = candidates.get(best).get(p.metric());
            if (p.higherIsBetter() ? x > b : x < b) {
                best = i;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>(candidates.get(best).values());
        out.put("best", best + 1.0);
        return Outputs.of(BEST, new Metrics(candidates.get(best).task(), out, candidates.get(best).rows()));
    }
}
