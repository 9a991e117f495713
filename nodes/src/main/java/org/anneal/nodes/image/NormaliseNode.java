package org.anneal.nodes.image;

import org.anneal.data.Table;
import org.anneal.spec.ColumnSpec;
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

@NodeType(id = "image.normalise", title = "Normalise images", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Rescales the grey values of each image on its own (all channels together): `min-max` maps the image's \
                darkest pixel to 0 and its brightest to 1; `z-score` subtracts the image's mean and divides by its standard \
                deviation (over all its pixels, divided by n), so every image has mean 0 and spread 1; `fixed` maps the range \
                `low`–`high` to 0–1 by the same rule for every image (and, with `clip`, cuts what falls outside to 0 or 1). \
                An image of one grey level becomes all 0 under min-max and z-score. Per image, so nothing is learnt from other \
                rows and nothing leaks across a split: unlike prepare.standardize, this block fits nothing. What it removes is \
                what differs between whole images — exposure, contrast, a coil's or a microscope's grey level — so use it when \
                that difference is not what the model should learn.""")
public final class NormaliseNode implements Node<NormaliseNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "How each image is rescaled", def = "\"min-max\"") Mode mode,
            @Param(doc = "With fixed: the grey value that becomes 0", def = "0") double low,
            @Param(doc = "With fixed: the grey value that becomes 1", def = "1") double high,
            @Param(doc = "With fixed: cut values below low to 0 and above high to 1", def = "true") boolean clip) {
    }

    public enum Mode { MIN_MAX, Z_SCORE, FIXED }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with their images rescaled");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        if (p.mode() == Mode.FIXED && !(p.high() > p.low())) {
            throw ConfigError.atParam("high", "The range " + p.low() + "–" + p.high() + " is empty.", "Set high above low.");
        }
        return Specs.of(OUT, ImageMaps.spec(t, image, image.shape()));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        return Outputs.of(OUT, ImageMaps.apply(im, im.column().shape(), (img, h, w, c) -> rescale(img, p), ctx));
    }

    /** One image rescaled by the mode. */
    static float[] rescale(float[] img, Params p) {
        double a;
        double b;
        switch (p.mode()) {
            case MIN_MAX -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (float v : img) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                a = lo;
                b = hi > lo ? hi - lo : Double.POSITIVE_INFINITY;
            }
            case Z_SCORE -> {
                double sum = 0;
                for (float v : img) {
                    sum += v;
                }
                double mean = sum / img.length;
                double sq = 0;
                for (float v : img) {
                    sq += (v - mean) * (v - mean);
                }
                double sd = Math.sqrt(sq / img.length);
                a = mean;
                b = sd > 0 ? sd : Double.POSITIVE_INFINITY;
            }
            default -> {
                a = p.low();
                b = p.high() - p.low();
            }
        }
        boolean clip = p.mode() == Mode.FIXED && p.clip();
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            double v = (img[i] - a) / b;
            out[i] = (float) (clip ? Math.min(1, Math.max(0, v)) : v);
        }
        return out;
    }
}
