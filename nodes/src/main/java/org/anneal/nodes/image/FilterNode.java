package org.anneal.nodes.image;

import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
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

@NodeType(id = "image.filter", title = "Filter images", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Filters every image in place (each channel alone), in real space or in Fourier space. `gaussian` blurs with a \
                Gaussian of standard deviation `sigma` pixels and `median` takes the median over a disc of `radius` pixels \
                (both ImageJ's; the median keeps edges sharp and removes salt-and-pepper specks). The Fourier filters \
                transform the image, keep some frequencies and transform back; frequencies are in cycles per pixel, from 0 to \
                the Nyquist limit 0.5 (a pattern repeating every 4 pixels sits at 0.25): `low-pass` keeps those up to `high` \
                (smooths; the sharp cut rings next to edges), `high-pass` those from `low` up (keeps edges and noise, drops \
                shading), `band-pass` those between `low` and `high`, and `scan-lines` removes the vertical axis of the \
                spectrum between `low` and `high` — where a brightness that changes from one pixel row to the next and is even \
                along each row, as SEM scan lines are, puts its two spots (period 4 rows: 0.25) — and keeps everything else. The mean grey level is always kept. Look at image.fft \
                before and after to see what went. Each image alone: nothing is learnt from other rows.""")
public final class FilterNode implements Node<FilterNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Which filter", def = "\"gaussian\"") Filter filter,
            @Param(doc = "With gaussian: standard deviation in pixels", def = "1", min = 0.1, max = 50) double sigma,
            @Param(doc = "With median: radius of the disc in pixels", def = "1", min = 0.5, max = 50) double radius,
            @Param(doc = "Lower frequency cut in cycles per pixel (high-pass, band-pass, scan-lines)", def = "0.05", min = 0, max = 0.5) double low,
            @Param(doc = "Upper frequency cut in cycles per pixel (low-pass, band-pass, scan-lines)", def = "0.2", min = 0, max = 0.5) double high) {
    }

    public enum Filter { GAUSSIAN, MEDIAN, LOW_PASS, HIGH_PASS, BAND_PASS, SCAN_LINES }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with their images filtered");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ImageColumns.pick(t, p.column());
        if ((p.filter() == Filter.BAND_PASS || p.filter() == Filter.SCAN_LINES) && p.low() >= p.high()) {
            throw ConfigError.atParam("high", "The band " + p.low() + "–" + p.high() + " cycles per pixel is empty.",
                    "Set high above low.");
        }
        return Specs.of(OUT, t);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        TensorColumn images = im.column();
        int h = im.h();
        int w = im.w();
        int c = im.channels();
        float[] out = images.values().clone();
        float[] plane = new float[h * w];
        for (int r = 0; r < im.rows(); r++) {
            ctx.checkCancelled();
            if (images.isMissing(r)) {
                continue;
            }
            int base = r * h * w * c;
            for (int k = 0; k < c; k++) {
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = out[base + i * c + k];
                }
                float[] f = apply(plane, h, w, p);
                for (int i = 0; i < plane.length; i++) {
                    out[base + i * c + k] = f[i];
                }
            }
            ctx.progress((r + 1.0) / im.rows());
        }
        TensorColumn filtered = new TensorColumn(images.name(), images.role(), images.shape(), out, images.missing(), images.unit());
        return Outputs.of(OUT, im.table().with(filtered));
    }

    /** One grey plane through the chosen filter. */
    static float[] apply(float[] g, int h, int w, Params p) {
        return switch (p.filter()) {
            case GAUSSIAN -> ImageJ.gaussian(g, h, w, p.sigma());
            case MEDIAN -> ImageJ.median(g, h, w, p.radius());
            case LOW_PASS -> Fourier.filter(g, h, w, (fy, fx) -> Math.hypot(fy, fx) <= p.high() ? 1 : 0);
            case HIGH_PASS -> Fourier.filter(g, h, w, (fy, fx) -> Math.hypot(fy, fx) >= p.low() ? 1 : 0);
            case BAND_PASS -> Fourier.filter(g, h, w, (fy, fx) -> {
                double f = Math.hypot(fy, fx);
                return f >= p.low() && f <= p.high() ? 1 : 0;
            });
            // a pattern that varies from row to row and is even along each row lives wholly at fx = 0
            case SCAN_LINES -> Fourier.filter(g, h, w, (fy, fx) -> fx == 0 && Math.abs(fy) >= p.low() && Math.abs(fy) <= p.high() ? 0 : 1);
        };
    }
}
