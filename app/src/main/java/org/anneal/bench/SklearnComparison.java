package org.anneal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.data.CsvNode;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.nodes.split.HoldoutSplitNode;
import org.anneal.spec.Inputs;
import org.anneal.spec.Outputs;

/**
 * Anneal's half of the scikit-learn comparison (bench/sklearn-bench.sh runs the other half, bench/sklearn_bench.py,
 * on the same CSV with the same steps and settings): parse the CSV, then split 80/20 → standardize (fitted on train)
 * → ridge (lambda 0.1) → score, and on the first {@code forestRows} rows split → random forest (min leaf 5, grown on
 * {@code threads} threads) → score. Each stage is timed separately; one warm-up repetition, then {@code repetitions}
 * timed ones. Prints one JSON object.
 *
 * <p>Usage: {@code java -cp ... org.anneal.bench.SklearnComparison CSV FOREST_ROWS TREES DEPTH FEATURE_FRACTION REPETITIONS THREADS}
 */
public final class SklearnComparison {
    private SklearnComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        int forestRows = Integer.parseInt(args[1]);
        int trees = Integer.parseInt(args[2]);
        int depth = Integer.parseInt(args[3]);
        double fraction = Double.parseDouble(args[4]);
        int reps = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        // Tribuo logs at INFO; the timings are the output here
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (var h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("side", "anneal");
        out.put("java", System.getProperty("java.version"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("threads", threads);
        ArrayNode runs = out.putArray("runs");
        for (int r = 0; r <= reps; r++) {
            ObjectNode run = r == 0 ? JsonNodeFactory.instance.objectNode() : runs.addObject();
            long t0 = System.nanoTime();
            Table t = parse(csv);
            run.put("parseSeconds", seconds(t0));
            run.put("rows", t.rowCount());
            long t1 = System.nanoTime();
            run.put("ridgeR2", ridge(t, csv));
            run.put("ridgeSeconds", seconds(t1));
            long t2 = System.nanoTime();
            Table forestRowsTable = forestRows >= t.rowCount() ? t : t.rows(java.util.stream.IntStream.range(0, forestRows).toArray());
            run.put("forestR2", forest(forestRowsTable, trees, depth, fraction, threads, csv));
            run.put("forestSeconds", seconds(t2));
            System.err.printf(Locale.ROOT, "anneal %s: parse %.2f s, ridge %.2f s, forest %.2f s%n", r == 0 ? "warm-up" : "run " + r,
                    run.get("parseSeconds").asDouble(), run.get("ridgeSeconds").asDouble(), run.get("forestSeconds").asDouble());
        }
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    static Table parse(Path csv) throws Exception {
        return (Table) new CsvNode().execute(new Inputs(Map.of()), new CsvNode.Params(csv.getFileName().toString(), "y", "", "", List.of(), List.of(),
                List.of(), org.anneal.nodes.data.CsvNode.Delimiter.AUTO, org.anneal.nodes.data.CsvNode.Decimal.AUTO, org.anneal.data.CsvReader.UnitsRow.AUTO, org.anneal.nodes.data.CsvNode.Encoding.AUTO, List.of("", "NA", "N/A", "NaN", "nan", "null", "?")), ctx("load", csv)).get("table");
    }

    static double ridge(Table t, Path csv) throws Exception {
        Outputs split = new HoldoutSplitNode().execute(new Inputs(Map.of("table", t)), new HoldoutSplitNode.Params(0.2, false, true), ctx("split", csv));
        Table train = (Table) split.get("train");
        Outputs scale = new StandardizeNode().execute(new Inputs(Map.of("fit", train, "data", train)),
                new StandardizeNode.Params(List.of(), true, true), ctx("scale", csv));
        Table test = ((FittedTransform) scale.get("state")).apply((Table) split.get("test"));
        List<String> features = train.features().stream().map(Column::name).toList();
        TrainedModel m = new RidgeLearner(0.1).fit((Table) scale.get("out"), features, "y", ctx("fit", csv));
        return RegressionMetrics.of(test.numeric("y").values(), m.predict(test)).get("r2");
    }

    static double forest(Table t, int trees, int depth, double fraction, int threads, Path csv) throws Exception {
        Outputs split = new HoldoutSplitNode().execute(new Inputs(Map.of("table", t)), new HoldoutSplitNode.Params(0.2, false, true), ctx("split", csv));
        Table train = (Table) split.get("train");
        Table test = (Table) split.get("test");
        List<String> features = train.features().stream().map(Column::name).toList();
        TrainedModel m = new TreeLearner(Task.REGRESSION, depth, trees, fraction, threads).fit(train, features, "y", ctx("forest", csv));
        return RegressionMetrics.of(test.numeric("y").values(), m.predict(test)).get("r2");
    }

    private static StandaloneContext ctx(String id, Path csv) {
        return StandaloneContext.forNode(id, 42, csv.getParent());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
