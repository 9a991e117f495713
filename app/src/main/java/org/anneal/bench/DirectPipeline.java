package org.anneal.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.data.CsvNode;
import org.anneal.nodes.evaluate.EvaluateRegressionNode;
import org.anneal.nodes.model.RidgeNode;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.nodes.split.HoldoutSplitNode;
import org.anneal.nodes.train.FitNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Outputs;

/** The benchmark pipeline as plain sequential calls of the same node code: no validation, no executor, no cache. */
final class DirectPipeline {
    private final Path csv;
    private final long seed;

    DirectPipeline(Path csv, long seed) {
        this.csv = csv;
        this.seed = seed;
    }

    double run() throws Exception {
        Outputs load = new CsvNode().execute(in(Map.of()), new CsvNode.Params(csv.getFileName().toString(), "y", "", "", List.of(), List.of(), List.of(),
                org.anneal.nodes.data.CsvNode.Delimiter.AUTO, org.anneal.nodes.data.CsvNode.Decimal.AUTO, org.anneal.data.CsvReader.UnitsRow.AUTO, org.anneal.nodes.data.CsvNode.Encoding.AUTO, List.of("", "NA", "N/A", "NaN", "nan", "null", "?")), ctx("load"));
        Outputs split = new HoldoutSplitNode().execute(in(Map.of("table", load.get("table"))),
                new HoldoutSplitNode.Params(0.2, false, true), ctx("split"));
        Outputs scale = new StandardizeNode().execute(in(Map.of("fit", split.get("train"), "data", split.get("train"))),
                new StandardizeNode.Params(List.of(), true, true), ctx("scale"));
        Outputs scaleTest = new ApplyTransformNode().execute(in(Map.of("state", (FittedTransform) scale.get("state"), "data", split.get("test"))),
                new ApplyTransformNode.Params(), ctx("scale_test"));
        Learner ridge = (Learner) new RidgeNode().execute(in(Map.of()), new RidgeNode.Params(0.1), ctx("ridge")).get("learner");
        TrainedModel model = (TrainedModel) new FitNode().execute(in(Map.of("learner", ridge, "train", scale.get("out"))),
                new FitNode.Params(), ctx("fit")).get("model");
        Outputs score = new EvaluateRegressionNode().execute(in(Map.of("model", model, "data", (Table) scaleTest.get("out"))),
                new EvaluateRegressionNode.Params("prediction"), ctx("score"));
        return ((Metrics) score.get("metrics")).get("r2");
    }

    private static Inputs in(Map<String, Object> m) {
        return new Inputs(m);
    }

    private ExecContext ctx(String id) {
        return StandaloneContext.forNode(id, seed, csv.toAbsolutePath().getParent());
    }
}
