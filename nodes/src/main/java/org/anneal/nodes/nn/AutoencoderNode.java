package org.anneal.nodes.nn;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Plot;
import org.anneal.nn.Activation;
import org.anneal.nn.dl4j.AutoencoderTrainer;
import org.anneal.nn.dl4j.TrainedAutoencoder;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;
import org.anneal.spec.ValueSpec;

@NodeType(id = "model.autoencoder", title = "Autoencoder / VAE", phase = Phase.MODEL, role = LeakageRole.FIT, usesDevice = true,
        doc = """
                Learns on the `fit` rows to squeeze each row through `latent` numbers and rebuild it, then replaces the chosen \
                columns of the `data` rows by those latent coordinates `z1, z2, …` and appends `reconstruction_error` (mean \
                squared difference between a row and its rebuilt self, in scaled units: large for rows unlike the training \
                rows, an anomaly score). Reads numeric table columns or one spectrum (a tensor column with one axis). Inputs \
                are centred on the fit rows; table columns are divided by their own standard deviation, the channels of a \
                spectrum by one common scale. `plain`: dense layers of the `hidden` sizes, a linear latent layer, the sizes \
                reversed, a linear output, trained on squared error — a non-linear PCA. `variational`: Deeplearning4j's \
                VariationalAutoencoder layer (encoder to the mean and variance of a Gaussian over the latent space, the \
                reparameterisation trick, a Gaussian decoder), trained on the negative evidence lower bound; its output is the \
                latent *mean*, and its latent space is pulled towards a standard normal, so nearby points decode to similar \
                rows. Trained with Adam in float32, seeded, one network at a time on the fixed native threads; `loss` plots \
                the training loss per epoch. Fit it on the training rows and embed the test rows with its `state` through \
                prepare.apply.""")
public final class AutoencoderNode implements Node<AutoencoderNode.Params> {

    /** Which autoencoder. */
    public enum Kind { PLAIN, VARIATIONAL }

    public record Params(
            @Param(doc = "Numeric columns, or one spectrum column; empty = the table's one spectrum feature, else every numeric feature",
                    def = "[]", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Plain autoencoder or variational (VAE)", def = "\"plain\"") Kind kind,
            @Param(doc = "Encoder layer sizes, input side first; the decoder mirrors them", def = "[64]", min = 1, max = 100000)
            List<Integer> hidden,
            @Param(doc = "Latent coordinates per row (the output columns z1, z2, …)", def = "2", min = 1, max = 1000, tunable = true) int latent,
            @Param(doc = "Non-linearity of the hidden layers", def = "\"tanh\"") Activation activation,
            @Param(doc = "Passes over the fit rows", def = "100", min = 1, max = 100000, tunable = true) int epochs,
            @Param(doc = "Rows per gradient step", def = "32", min = 1, max = 100000) int batchSize,
            @Param(doc = "Adam's learning rate", def = "0.001", min = 1e-6, max = 1, tunable = true) double learningRate) {
    }

    static final InPort<Table> FIT = InPort.of("fit", DataKind.TABLE, Table.class, "Rows the autoencoder learns from (the training rows)").fitting();
    static final InPort<Table> DATA = InPort.of("data", DataKind.TABLE, Table.class, "Rows to encode");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class,
            "The rows with the chosen columns replaced by z1, z2, … and reconstruction_error appended");
    static final OutPort<FittedTransform> STATE = OutPort.of("state", DataKind.TRANSFORMER, FittedTransform.class,
            "The trained encoder, to embed other rows with an Apply node");
    static final OutPort<Plot> LOSS = OutPort.of("loss", DataKind.PLOT, Plot.class, "Training loss per epoch");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec fit = in.table(FIT);
        TableSpec data = in.table(DATA);
        List<String> cols = columns(fit, p.columns());
        int width = 0;
        for (String c : cols) {
            ColumnSpec d = data.column(c).orElseThrow(() -> ConfigError.atPort(DATA.name(), "The rows on 'data' lack the column '" + c
                    + "' the autoencoder reads.", "Encode a table with the same columns as the fit rows."));
            ColumnSpec f = fit.column(c).orElseThrow();
            if (d.type() != f.type() || !d.shape().sameGrid(f.shape())) {
                throw ConfigError.atPort(DATA.name(), "Column '" + c + "' on 'data' is not like the one on 'fit' (" + f.shape().describe()
                        + ").", "Encode rows prepared the same way as the fit rows.");
            }
            width += f.shape().size();
        }
        if (p.latent() >= width) {
            throw ConfigError.atParam("latent", "A latent space of " + p.latent() + " for " + width + " input value(s) squeezes nothing.",
                    "Use fewer latent coordinates than inputs (at most " + (width - 1) + ").");
        }
        TransformerSpec state = TransformerSpec.learntFrom(fit.lineage(), cols, cols, AutoencoderTransform.produced(p.latent()));
        return Specs.builder()
                .put(OUT, state.applyTo(data).withLineage(data.lineage().fittedWith(fit.lineage())))
                .put(STATE, state)
                .put(LOSS, ValueSpec.of(DataKind.PLOT, Lineage.learntFrom(fit.lineage())))
                .build().withPlan(new ColumnPlan(cols));
    }

    /** The listed columns (numbers, or one spectrum alone), or by default the one spectrum feature, else every numeric feature. */
    static List<String> columns(TableSpec fit, List<String> listed) throws ConfigError {
        if (listed.isEmpty()) {
            List<ColumnSpec> spectra = fit.features().stream().filter(c -> c.isTensor() && c.shape().rank() == 1).toList();
            if (spectra.size() == 1) {
                return List.of(spectra.get(0).name());
            }
            List<String> numeric = fit.features().stream().filter(ColumnSpec::isNumeric).map(ColumnSpec::name).toList();
            if (numeric.size() < 2) {
                throw ConfigError.atPort(FIT.name(), spectra.size() > 1 ? "The table has " + spectra.size() + " spectrum columns; which one?"
                        : "The table has no spectrum and fewer than two numeric feature columns to encode.",
                        spectra.size() > 1 ? "Name one in 'columns'." : "Check the column roles at the data source, or name columns in 'columns'.");
            }
            return numeric;
        }
        List<String> out = new ArrayList<>();
        for (String name : listed) {
            ColumnSpec c = fit.requireColumn(name, "columns");
            if (c.isCategorical()) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds categories; an autoencoder reads numbers.",
                        "Encode it first (prepare.one-hot), or leave it out.");
            }
            if (c.isTensor() && (c.shape().rank() != 1 || listed.size() > 1)) {
                throw ConfigError.atParam("columns", "Column '" + name + "' holds " + c.shape().describe() + (c.shape().rank() != 1
                        ? "; this autoencoder of dense layers reads numbers or one spectrum." : " and cannot be mixed with other columns."),
                        "Choose numeric columns, or one spectrum column alone.");
            }
            out.add(name);
        }
        return out;
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table fit = in.get(FIT);
        List<String> cols = in.plan(ColumnPlan.class, this, p, ctx).columns();
        var settings = new AutoencoderTrainer.Settings(p.hidden(), p.latent(), p.activation(), p.kind() == Kind.VARIATIONAL, p.epochs(),
                p.batchSize(), p.learningRate());
        TrainedAutoencoder model = AutoencoderTrainer.train(fit, cols, settings, ctx);
        AutoencoderTransform state = new AutoencoderTransform(model);
        return Outputs.builder().put(OUT, state.apply(in.get(DATA))).put(STATE, state).put(LOSS, lossPlot(model)).build();
    }

    static Plot lossPlot(TrainedAutoencoder model) {
        double[] loss = model.lossPerEpoch();
        double[] x = new double[loss.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        String what = model.variational() ? "negative ELBO per row" : "mean squared reconstruction error";
        return Plot.of(Plot.Kind.LINE, (model.variational() ? "VAE" : "Autoencoder") + " training loss", "epoch", what,
                List.of(Plot.Series.of("training loss", x, loss)), List.of());
    }
}
