import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.nodes.uncertainty.BootstrapEnsembleNode;
import org.anneal.nodes.uncertainty.ConformalNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Task;

/**
 * Times model.bootstrap-ensemble (10 trees of depth 8, one thread each, fit + mean/sd on the test rows) and
 * evaluate.conformal (split: one tree, 25 % of the training rows calibrate, intervals on the test rows) on the rows
 * uncertainty_bench.py wrote; best of 3 after one warm-up run.
 */
public class UncertaintyBench {
    public static void main(String[] args) throws Exception {
        int p = 8;
        var buf = java.nio.ByteBuffer.wrap(Files.readAllBytes(Path.of(args[0]))).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        int n = buf.limit() / (p + 1);
        int cut = (int) (0.75 * n);
        Table train = table(buf, p, 0, cut);
        Table test = table(buf, p, cut, n);
        List<String> features = train.features().stream().map(Column::name).toList();
        Learner tree = new TreeLearner(Task.REGRESSION, 8, 1, 1.0, 1);
        var ctx = new StandaloneContext("bench", 1, Path.of("."));
        double best = Double.MAX_VALUE;
        double coverage = 0;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            Learner bag = (Learner) new BootstrapEnsembleNode().execute(new Inputs(Map.of("learner", tree)),
                    new BootstrapEnsembleNode.Params(10, false), ctx).get("ensemble");
            TrainedModel m = bag.fit(train, features, "y", ctx);
            double[] mean = m.predict(test);
            double[] sd = m.predictionStd(test);
            double s = (System.nanoTime() - t0) / 1e9;
            best = rep == 0 ? best : Math.min(best, s);
            int inside = 0;
            for (int i = 0; i < mean.length; i++) {
                inside += Math.abs(test.numeric("y").get(i) - mean[i]) <= 1.645 * sd[i] ? 1 : 0;
            }
            coverage = inside / (double) mean.length;
        }
        System.out.printf("anneal bootstrap-ensemble 10 trees fit + mean/sd: best of 3 %.3f s (coverage of mean ± 1.645 sd %.3f)%n", best, coverage);
        best = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            var out = new ConformalNode().execute(new Inputs(Map.of("learner", tree, "train", train, "test", test)),
                    new ConformalNode.Params(0.9, 0.25, ConformalNode.Method.SPLIT, 5), ctx);
            double s = (System.nanoTime() - t0) / 1e9;
            best = rep == 0 ? best : Math.min(best, s);
            coverage = ((Metrics) out.get("metrics")).values().get("coverage");
        }
        System.out.printf("anneal evaluate.conformal split: best of 3 %.3f s (coverage %.3f)%n", best, coverage);
    }

    static Table table(java.nio.DoubleBuffer buf, int p, int from, int to) {
        int n = to - from;
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j <= p; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = buf.get((from + i) * (p + 1) + j);
            }
            cols.add(new NumericColumn(j < p ? "x" + j : "y", j < p ? ColumnRole.FEATURE : ColumnRole.TARGET, v));
        }
        return new Table(cols);
    }
}
