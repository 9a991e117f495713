package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Metrics;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Task;
import org.anneal.spec.ValueSpec;

@NodeType(id = "evaluate.segmentation", title = "Segmentation scores", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE, usesSeed = false,
        doc = """
                Scores a predicted mask against a true one, pixel by pixel over all rows (a class is a mask value, rounded: \
                0 background, 1 phase, …). Per class c: `iou[c]`, the intersection over union (Jaccard) of the pixels \
                predicted c and those truly c, and `dice[c]` = 2·|both| / (|predicted| + |true|) (F1 of the pixels); \
                `mean_iou` and `mean_dice` average the classes present in either mask, and `pixel_accuracy` is the share of \
                pixels given their true class. IoU punishes a missed or extra pixel more than accuracy does: with 10 % phase, \
                predicting none scores 90 % accuracy and an IoU of 0 for the phase. `confusion` counts the pixels of each true \
                class (rows) given each predicted class (columns). `overlay` adds a colour `overlay` image to every row for the \
                image grid: the grey `image` where both masks say background, green where both say phase, red where the \
                phase is missed (true only) and blue where it is invented (predicted only).""")
public final class EvaluateSegmentationNode implements Node<EvaluateSegmentationNode.Params> {

    public record Params(
            @Param(doc = "Column of true masks (class per pixel)", def = "\"phase_mask\"", hint = Param.Hint.COLUMN) String truth,
            @Param(doc = "Column of predicted masks (class per pixel), such as image.segment's mask", def = "\"mask\"",
                    hint = Param.Hint.COLUMN) String predicted,
            @Param(doc = "Grey image shown under the overlay; empty = none (the overlay on black)", def = "\"image\"",
                    hint = Param.Hint.COLUMN) String image) {
    }

    static final String OVERLAY = "overlay";

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with a true and a predicted mask");
    static final OutPort<Metrics> METRICS = OutPort.of("metrics", DataKind.METRICS, Metrics.class,
            "iou[c], dice[c], mean_iou, mean_dice, pixel_accuracy");
    static final OutPort<Table> CONFUSION = OutPort.of("confusion", DataKind.TABLE, Table.class,
            "Pixels of each true class (rows) per predicted class (columns)");
    static final OutPort<Table> OVERLAY_OUT = OutPort.of("overlay", DataKind.TABLE, Table.class,
            "The rows with a colour overlay of the two masks");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec truth = ImageColumns.pick(t, p.truth());
        ColumnSpec predicted = ImageColumns.pick(t, p.predicted());
        int[] a = truth.shape().dims();
        int[] b = predicted.shape().dims();
        if (a[0] != b[0] || a[1] != b[1] || a[2] != 1 || b[2] != 1) {
            throw ConfigError.atParam("predicted", "The masks differ in size: '" + truth.name() + "' is " + truth.shape().describe() + ", '"
                    + predicted.name() + "' " + predicted.shape().describe() + ".", "Compare masks of one image size with one channel each.");
        }
        if (!p.image().isEmpty()) {
            int[] g = ImageColumns.pick(t, p.image()).shape().dims();
            if (g[0] != a[0] || g[1] != a[1]) {
                throw ConfigError.atParam("image", "The image is " + g[1] + "×" + g[0] + " pixels, the masks " + a[1] + "×" + a[0] + ".",
                        "Name the image the masks were made from.");
            }
        }
        List<ColumnSpec> cols = ImageColumns.measured(t, predicted, List.of(OVERLAY), "Score each segmentation once.");
        cols.add(ColumnSpec.tensor(OVERLAY, ColumnRole.IGNORE, ImageColumns.resized(truth.shape(), a[0], a[1], 3), ""));
        TableSpec confusion = new TableSpec(List.of(new ColumnSpec("true_class", ColumnType.CATEGORICAL, ColumnRole.ID)),
                t.lineage());
        return Specs.of(METRICS, ValueSpec.of(DataKind.METRICS, t.lineage()), CONFUSION, confusion, OVERLAY_OUT, t.withColumns(cols))
                .withRunTimeColumns(CONFUSION, Specs.RunTimeColumns.APPENDED);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        TensorColumn truth = ImageColumns.of(t, p.truth());
        TensorColumn predicted = ImageColumns.of(t, p.predicted());
        int px = truth.rowSize();
        // counted on the class values themselves first (0 … MAX_CLASS), then cut down to the classes present
        long[][] all = new long[MAX_CLASS + 1][MAX_CLASS + 1];
        float[] overlay = new float[t.rowCount() * px * 3];
        TensorColumn grey = p.image().isEmpty() ? null : ImageColumns.of(t, p.image());
        for (int r = 0; r < t.rowCount(); r++) {
            ctx.checkCancelled();
            if (truth.isMissing(r) || predicted.isMissing(r)) {
                continue;
            }
            for (int i = 0; i < px; i++) {
                int a = classOf(truth, r * px + i, p.truth());
                int b = classOf(predicted, r * px + i, p.predicted());
                all[a][b]++;
                float g = grey == null || grey.isMissing(r) ? 0 : grey.values()[(r * px + i) * grey.shape().dims()[2]];
                paint(overlay, (r * px + i) * 3, g, a != 0, b != 0);
            }
        }
        List<Integer> levels = new ArrayList<>();
        for (int c = 0; c <= MAX_CLASS; c++) {
            long n = 0;
            for (int k = 0; k <= MAX_CLASS; k++) {
                n += all[c][k] + all[k][c];
            }
            if (n > 0) {
                levels.add(c);
            }
        }
        long[][] counts = new long[levels.size()][levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            for (int j = 0; j < levels.size(); j++) {
                counts[i][j] = all[levels.get(i)][levels.get(j)];
            }
        }
        Map<String, Double> m = scores(counts, levels);
        List<Column> cols = ImageColumns.measured(ImageColumns.images(t, p.predicted()));
        int[] d = truth.shape().dims();
        cols.add(new TensorColumn(OVERLAY, ColumnRole.IGNORE, ImageColumns.resized(truth.shape(), d[0], d[1], 3), overlay,
                new boolean[t.rowCount()], ""));
        return Outputs.of(METRICS, new Metrics(Task.CLASSIFICATION, m, t.rowCount()), CONFUSION, confusion(counts, levels),
                OVERLAY_OUT, new Table(cols));
    }

    /** Largest class value a mask may hold. */
    static final int MAX_CLASS = 255;

    private static int classOf(TensorColumn masks, int at, String column) {
        float v = masks.values()[at];
        int c = Math.round(v);
        if (!(c >= 0 && c <= MAX_CLASS)) {
            throw new NodeFailure("Column '" + column + "' holds " + v + ", not a class number from 0 to " + MAX_CLASS + ".",
                    "Compare masks (image.segment's mask, the generator's phase_mask), not grey images.");
        }
        return c;
    }

    /** Green where both say phase, red where the truth alone does, blue where the prediction alone does, grey elsewhere. */
    private static void paint(float[] out, int o, float g, boolean trulyPhase, boolean predictedPhase) {
        float dim = 0.5f * g;
        out[o] = trulyPhase && !predictedPhase ? 1 : dim;
        out[o + 1] = trulyPhase && predictedPhase ? 1 : dim;
        out[o + 2] = predictedPhase && !trulyPhase ? 1 : dim;
        if (!trulyPhase && !predictedPhase) {
            out[o] = g;
            out[o + 1] = g;
            out[o + 2] = g;
        }
    }

    /** IoU and Dice per class and their means, and the pixel accuracy, from a confusion matrix (true × predicted). */
    static Map<String, Double> scores(long[][] counts, List<Integer> levels) {
        Map<String, Double> m = new LinkedHashMap<>();
        long total = 0;
        long right = 0;
        double iouSum = 0;
        double diceSum = 0;
        for (int c = 0; c < levels.size(); c++) {
            long both = counts[c][c];
            long trueC = 0;
            long predC = 0;
            for (int k = 0; k < levels.size(); k++) {
                trueC += counts[c][k];
                predC += counts[k][c];
                total += counts[c][k];
            }
            right += both;
            double iou = (double) both / (trueC + predC - both);
            double dice = 2.0 * both / (trueC + predC);
            m.put("iou[" + levels.get(c) + "]", iou);
            m.put("dice[" + levels.get(c) + "]", dice);
            iouSum += iou;
            diceSum += dice;
        }
        m.put("mean_iou", levels.isEmpty() ? Double.NaN : iouSum / levels.size());
        m.put("mean_dice", levels.isEmpty() ? Double.NaN : diceSum / levels.size());
        m.put("pixel_accuracy", total == 0 ? Double.NaN : (double) right / total);
        return m;
    }

    static Table confusion(long[][] counts, List<Integer> levels) {
        List<Column> cols = new ArrayList<>();
        List<String> names = levels.stream().map(String::valueOf).toList();
        int[] codes = new int[levels.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i;
        }
        cols.add(new CategoricalColumn("true_class", ColumnRole.ID, codes, names));
        for (int k = 0; k < levels.size(); k++) {
            double[] v = new double[levels.size()];
            for (int c = 0; c < levels.size(); c++) {
                v[c] = counts[c][k];
            }
            cols.add(new NumericColumn("predicted_" + levels.get(k), ColumnRole.FEATURE, v));
        }
        return new Table(cols);
    }
}
