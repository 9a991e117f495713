package org.anneal.nodes.nn;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.FittedTransform;
import org.anneal.nn.dl4j.TrainedAutoencoder;
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
import org.anneal.spec.TransformerSpec;

@NodeType(id = "explain.latent-grid", title = "Decode a latent grid", phase = Phase.EVALUATE, role = LeakageRole.EVALUATE,
        usesDevice = true, usesSeed = false,
        doc = """
                What does each place of an autoencoder's latent space stand for? Lays a regular `steps` × `steps` grid over \
                the first two latent coordinates — centred on the mean of the `data` rows' coordinates and reaching `span` \
                of their standard deviations either way — and lets the trained decoder draw the row that belongs at each \
                point: one output row per grid point, with its latent coordinates `z1, z2, …` (any further coordinates held \
                at the data's mean) and the decoded columns under the names the autoencoder read (a spectrum stays a spectrum \
                on its axis, so the spectra viewer shows how a spectrum morphs across the latent space). A VAE's decoder gives \
                the mean of p(x|z); a plain autoencoder's its output. A one-dimensional latent space gives a line of `steps` \
                points. Wire the `state` of model.autoencoder and the rows it was fitted on (or any rows prepared the same way).""")
public final class LatentGridNode implements Node<LatentGridNode.Params> {

    public record Params(
            @Param(doc = "Grid points along each latent axis", def = "7", min = 2, max = 50) int steps,
            @Param(doc = "How far the grid reaches from the data's mean, in standard deviations of their latent coordinates", def = "2",
                    min = 0.01, max = 10) double span) {
    }

    static final InPort<FittedTransform> STATE = InPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The trained autoencoder (the state of model.autoencoder)");
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class,
            "Rows whose latent coordinates place the grid (e.g. the training rows)");
    static final OutPort<Table> GRID = OutPort.of("grid", DataKind.TABLE, Table.class,
            "One row per grid point: its latent coordinates and the decoded columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TransformerSpec state = in.transformer(STATE);
        TableSpec data = in.table(DATA);
        List<ColumnSpec> latent = state.produces().stream().filter(c -> c.name().matches("z\\d+")).toList();
        if (latent.isEmpty() || state.produces().stream().noneMatch(c -> c.name().equals(AutoencoderTransform.ERROR))) {
            throw ConfigError.atPort(STATE.name(), "This state is not an autoencoder's; only a trained decoder can draw rows from a latent grid.",
                    "Wire the 'state' output of model.autoencoder.");
        }
        List<ColumnSpec> out = new ArrayList<>(latent);
        for (String c : state.reads()) {
            ColumnSpec col = data.column(c).orElseThrow(() -> ConfigError.atPort(DATA.name(), "The rows on 'data' lack the column '" + c
                    + "' the autoencoder reads.", "Wire the rows the autoencoder was fitted on."));
            out.add(col.isTensor() ? ColumnSpec.tensor(c, ColumnRole.FEATURE, col.shape(), col.unit())
                    : new ColumnSpec(c, ColumnType.NUMERIC, ColumnRole.FEATURE, col.unit()));
        }
        return Specs.of(GRID, new TableSpec(out, data.lineage().fittedWith(state.lineage())));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        if (!(in.get(STATE) instanceof AutoencoderTransform ae)) {
            throw new NodeFailure("This state is not an autoencoder's.", "Wire the 'state' output of model.autoencoder.");
        }
        Table data = in.get(DATA);
        if (data.rowCount() < 2) {
            throw new NodeFailure("The grid is placed by the spread of the 'data' rows, and there are " + data.rowCount() + ".",
                    "Wire the rows the autoencoder was fitted on.");
        }
        TrainedAutoencoder model = ae.model();
        double[][] z = grid(model.encode(data), p.steps(), p.span());
        float[][] decoded = model.decode(z);
        ctx.progress(1);
        List<Column> cols = new ArrayList<>();
        for (int k = 0; k < model.latent(); k++) {
            double[] v = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                v[i] = z[i][k];
            }
            cols.add(new NumericColumn(AutoencoderTransform.latentName(k), ColumnRole.FEATURE, v));
        }
        int at = 0;
        for (String c : model.columns()) {
            Column source = data.column(c).orElseThrow();
            int width = source instanceof TensorColumn t ? t.rowSize() : 1;
            float[] flat = new float[z.length * width];
            double[] numbers = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                System.arraycopy(decoded[i], at, flat, i * width, width);
                numbers[i] = decoded[i][at];
            }
            cols.add(source instanceof TensorColumn t
                    ? new TensorColumn(c, ColumnRole.FEATURE, t.shape(), flat, new boolean[z.length], t.unit())
                    : new NumericColumn(c, ColumnRole.FEATURE, numbers));
            at += width;
        }
        return Outputs.of(GRID, new Table(cols));
    }

    /**
     * The latent points: z1 and z2 on {@code steps} evenly spaced values over mean ± span·sd of {@code codes} (z1 slowest),
     * every further coordinate at its mean; a 1-d latent space gives {@code steps} points.
     */
    static double[][] grid(double[][] codes, int steps, double span) {
        int latent = codes[0].length;
        double[] mean = new double[latent];
        double[] sd = new double[latent];
        for (double[] c : codes) {
            for (int k = 0; k < latent; k++) {
                mean[k] += c[k] / codes.length;
            }
        }
        for (double[] c : codes) {
            for (int k = 0; k < latent; k++) {
                sd[k] += (c[k] - mean[k]) * (c[k] - mean[k]) / (codes.length - 1);
            }
        }
        int axes = Math.min(2, latent);
        int points = axes == 2 ? steps * steps : steps;
        double[][] z = new double[points][];
        for (int i = 0; i < points; i++) {
            z[i] = mean.clone();
            int[] at = axes == 2 ? new int[] {i / steps, i % steps} : new int[] {i};
            for (int k = 0; k < axes; k++) {
                z[i][k] = mean[k] + Math.sqrt(sd[k]) * span * (2.0 * at[k] / (steps - 1) - 1);
            }
        }
        return z;
    }
}
