package org.anneal.nodes.image;

import org.anneal.data.Table;
import org.anneal.spec.Choice;
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
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "image.grey", title = "Grey images", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Turns RGB images into grey ones: each pixel's luminance Y = wR·R + wG·G + wB·B, with the weights of \
                `weights`: `rec-601` (0.299, 0.587, 0.114: the luma of standard-definition video, and what data.images uses), \
                `rec-709` (0.2126, 0.7152, 0.0722: HD video and sRGB) or `mean` (a third each). Values are not rescaled: \
                colours in [0, 1] give grey in [0, 1]. An image that is grey already (one channel) passes unchanged. Each \
                image alone: nothing is learnt from other rows.""")
public final class GreyNode implements Node<GreyNode.Params> {

    public record Params(
            @Param(doc = ImageColumns.COLUMN_DOC, hint = Param.Hint.COLUMN) String column,
            @Param(doc = "Weights of red, green and blue", def = "\"rec-601\"") Weights weights) {
    }

    public enum Weights {
        @Choice("rec-601") REC_601(0.299, 0.587, 0.114),
        @Choice("rec-709") REC_709(0.2126, 0.7152, 0.0722),
        MEAN(1 / 3.0, 1 / 3.0, 1 / 3.0);

        final double r;
        final double g;
        final double b;

        Weights(double r, double g, double b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows with an image column");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with grey images");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        ColumnSpec image = ImageColumns.pick(t, p.column());
        int c = image.shape().dims()[2];
        if (c != 1 && c != 3) {
            throw ConfigError.atParam("column", "Column '" + image.name() + "' has " + c + " channels; grey is made from 3 (RGB).",
                    "Name an RGB image column.");
        }
        return Specs.of(OUT, ImageMaps.spec(t, image, out(image.shape())));
    }

    static Shape out(Shape s) {
        return ImageColumns.resized(s, s.dims()[0], s.dims()[1], 1);
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        ImageColumns.Images im = ImageColumns.images(in.get(TABLE), p.column());
        if (im.channels() == 1) {
            return Outputs.of(OUT, im.table());
        }
        Weights wt = p.weights();
        return Outputs.of(OUT, ImageMaps.apply(im, out(im.column().shape()), (img, h, w, c) -> {
            float[] g = new float[h * w];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (wt.r * img[3 * i] + wt.g * img[3 * i + 1] + wt.b * img[3 * i + 2]);
            }
            return g;
        }, ctx));
    }
}
