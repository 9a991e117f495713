package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
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
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "image.fft", title = "Fourier spectrum", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                The power spectrum of each image (grey: channels averaged; mean removed; a Hann window against the edge jump \
                unless `window` is off): `spectrum`, a [fy, fx, 1] tensor of log10 power with zero frequency in the centre and \
                the axes in cycles per µm (per pixel without a pixel size) — periodic structure such as lamellae or scan \
                lines shows as bright spots; `radial_1` … `radial_<bins>`, the log10 of the mean power in rings of equal width \
                from zero to the Nyquist frequency (0.5 cycles per pixel), as features; `dominant_period`, the period of the \
                strongest non-zero frequency, in µm (pixels without a pixel size).\s""" + ImageColumns.MEASURED_DOC)
public final class FftNode implements Node<FftNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Number of rings in the radial average", def = "16", min = 2, max = 256) int bins,
            @Param(doc = "Hann window before the transform (damps the cross that the image edges leave)", def = "true") boolean window) {
    }

    static final String SPECTRUM = "spectrum";
    static final String PERIOD = "dominant_period";

    /** Power below this counts as zero when taking logs (images are in [0, 1]; noise alone is far above it). */
    static final double FLOOR = 1e-12;

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with spectrum, radial average and period");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        List<ColumnSpec> cols = ImageColumns.measured(t, image, added(p), "Take one spectrum per image column.");
        cols.add(ColumnSpec.tensor(SPECTRUM, ColumnRole.IGNORE, spectrumShape(image.shape()), ""));
        for (int k = 1; k <= p.bins(); k++) {
            cols.add(new ColumnSpec("radial_" + k, ColumnType.NUMERIC, ColumnRole.FEATURE));
        }
        cols.add(new ColumnSpec(PERIOD, ColumnType.NUMERIC, ColumnRole.FEATURE, ImageColumns.lengthUnit(image.shape())));
        return Specs.of(OUT, t.withColumns(cols));
    }

    static List<String> added(Params p) {
        List<String> out = new ArrayList<>(List.of(SPECTRUM, PERIOD));
        for (int k = 1; k <= p.bins(); k++) {
            out.add("radial_" + k);
        }
        return out;
    }

    /** Frequency axes: index i stands for (i − n/2)/(n·pixel) cycles per unit length. */
    static Shape spectrumShape(Shape image) {
        int h = image.dims()[0];
        int w = image.dims()[1];
        double px = ImageColumns.pixel(image);
        String unit = "1/" + ImageColumns.lengthUnit(image);
        return Shape.of(Axis.regular("fy", h, unit, -(h / 2) / (h * px), 1 / (h * px)),
                Axis.regular("fx", w, unit, -(w / 2) / (w * px), 1 / (w * px)), Axis.of("channel", 1));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        TensorColumn images = im.column();
        int h = im.h();
        int w = im.w();
        int rows = im.rows();
        float[] spectra = new float[rows * h * w];
        boolean[] missing = new boolean[rows];
        double[][] radial = new double[p.bins()][rows];
        double[] period = new double[rows];
        double px = ImageColumns.pixel(images.shape());
        for (int r = 0; r < rows; r++) {
            ctx.checkCancelled();
            if (images.isMissing(r)) {
                missing[r] = true;
                period[r] = Double.NaN;
                for (double[] col : radial) {
                    col[r] = Double.NaN;
                }
                continue;
            }
            double[] power = Fourier.power(im.grey(r), h, w, p.window());
            double[] sum = new double[p.bins()];
            int[] count = new int[p.bins()];
            double best = -1;
            double bestRadius = Double.NaN;
            for (int y = 0; y < h; y++) {
                double fy = (y - h / 2) / (double) h;
                for (int x = 0; x < w; x++) {
                    double fx = (x - w / 2) / (double) w;
                    double f = Math.sqrt(fx * fx + fy * fy);
                    double v = power[y * w + x];
                    spectra[(r * h + y) * w + x] = (float) Math.log10(v + FLOOR);
                    int bin = (int) (f / 0.5 * p.bins());
                    if (bin < p.bins()) {
                        sum[bin] += v;
                        count[bin]++;
                    }
                    if (f > 0 && v > best) {
                        best = v;
                        bestRadius = f;
                    }
                }
            }
            for (int k = 0; k < p.bins(); k++) {
                radial[k][r] = count[k] == 0 ? Double.NaN : Math.log10(sum[k] / count[k] + FLOOR);
            }
            period[r] = bestRadius > 0 ? px / bestRadius : Double.NaN;
            ctx.progress((r + 1.0) / rows);
        }
        List<Column> cols = ImageColumns.measured(im);
        cols.add(new TensorColumn(SPECTRUM, ColumnRole.IGNORE, spectrumShape(images.shape()), spectra, missing, ""));
        for (int k = 0; k < p.bins(); k++) {
            cols.add(new NumericColumn("radial_" + (k + 1), ColumnRole.FEATURE, radial[k]));
        }
        cols.add(new NumericColumn(PERIOD, ColumnRole.FEATURE, period, ImageColumns.lengthUnit(images.shape())));
        return Outputs.of(OUT, new Table(cols));
    }
}
