package org.anneal.nodes.image;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
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
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "image.texture", title = "Texture features (GLCM)", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Haralick's grey-level co-occurrence features of each image (grey: channels averaged): the grey scale 0–1 is \
                cut into `levels` equal steps, and the matrix counts how often a pixel of level i has level j `distance` \
                pixels away, in four directions (0°, 45°, 90°, 135°), both ways round, as shares of all pairs. From it, \
                averaged over the directions: `glcm_contrast` (mean squared level difference of neighbours: high for fine \
                grains and sharp boundaries), `glcm_homogeneity` (pairs weighted by 1/(1 + (i − j)²): high for smooth \
                areas), `glcm_energy` (sum of squared shares: high for few repeated patterns), `glcm_correlation` (how \
                linearly a pixel's level predicts its neighbour's, −1 to 1) and `glcm_entropy` (bits: how unpredictable the \
                pairs are). These are the texture half of the classical features; compare them with prepare.image-features' \
                stereology and with what a network learns.\s""" + ImageColumns.MEASURED_DOC)
public final class TextureNode implements Node<TextureNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Grey levels the scale 0–1 is cut into", def = "8", min = 2, max = 256) int levels,
            @Param(doc = "Distance between the pixels of a pair, in pixels", def = "1", min = 1, max = 64) int distance) {
    }

    static final List<String> FEATURES = List.of("glcm_contrast", "glcm_homogeneity", "glcm_energy", "glcm_correlation", "glcm_entropy");

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with their texture features");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        List<ColumnSpec> cols = ImageColumns.measured(t, image, FEATURES, "Measure texture once per image column.");
        FEATURES.forEach(f -> cols.add(new ColumnSpec(f, ColumnType.NUMERIC, ColumnRole.FEATURE)));
        return Specs.of(OUT, t.withColumns(cols));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        TensorColumn images = im.column();
        double[][] f = new double[FEATURES.size()][im.rows()];
        for (int r = 0; r < im.rows(); r++) {
            ctx.checkCancelled();
            double[] v = images.isMissing(r) ? null : features(im.grey(r), im.h(), im.w(), p.levels(), p.distance());
            for (int k = 0; k < f.length; k++) {
                f[k][r] = v == null ? Double.NaN : v[k];
            }
            ctx.progress((r + 1.0) / im.rows());
        }
        List<Column> cols = ImageColumns.measured(im);
        for (int k = 0; k < f.length; k++) {
            cols.add(new NumericColumn(FEATURES.get(k), ColumnRole.FEATURE, f[k]));
        }
        return Outputs.of(OUT, new Table(cols));
    }

    /** The five features of one grey image, averaged over the four directions; NaN for a direction with no pairs. */
    static double[] features(float[] g, int h, int w, int levels, int d) {
        int[] q = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            q[i] = Math.min(levels - 1, Math.max(0, (int) (g[i] * levels)));
        }
        int[][] steps = {{0, d}, {-d, d}, {-d, 0}, {-d, -d}}; // (dy, dx): 0°, 45°, 90°, 135°
        double[] sum = new double[FEATURES.size()];
        int used = 0;
        for (int[] s : steps) {
            double[] glcm = new double[levels * levels];
            long pairs = 0;
            for (int y = Math.max(0, -s[0]); y < Math.min(h, h - s[0]); y++) {
                for (int x = Math.max(0, -s[1]); x < Math.min(w, w - s[1]); x++) {
                    int a = q[y * w + x];
                    int b = q[(y + s[0]) * w + x + s[1]];
                    glcm[a * levels + b]++;
                    glcm[b * levels + a]++;
                    pairs += 2;
                }
            }
            if (pairs == 0) {
                continue;
            }
            used++;
            double[] one = haralick(glcm, levels, pairs);
            for (int k = 0; k < sum.length; k++) {
                sum[k] += one[k];
            }
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] = used == 0 ? Double.NaN : sum[k] / used;
        }
        return sum;
    }

    private static double[] haralick(double[] glcm, int levels, long pairs) {
        double mean = 0;
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < levels; j++) {
                glcm[i * levels + j] /= pairs;
                mean += i * glcm[i * levels + j];
            }
        }
        double var = 0;
        double contrast = 0;
        double homogeneity = 0;
        double energy = 0;
        double entropy = 0;
        double cov = 0;
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < levels; j++) {
                double pij = glcm[i * levels + j];
                var += (i - mean) * (i - mean) * pij;
                cov += (i - mean) * (j - mean) * pij;
                contrast += (i - j) * (i - j) * pij;
                homogeneity += pij / (1 + (i - j) * (i - j));
                energy += pij * pij;
                entropy -= pij > 0 ? pij * Math.log(pij) / Math.log(2) : 0;
            }
        }
        // one level only: every pair is equal, so the neighbour's level is fully predictable
        double correlation = var > 0 ? cov / var : 1;
        return new double[] {contrast, homogeneity, energy, correlation, entropy};
    }
}
