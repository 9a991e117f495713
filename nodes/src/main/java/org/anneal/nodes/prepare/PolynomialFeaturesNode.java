package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.pipeline.ColumnTransform;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.PreprocessingStep;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ColumnPlan;
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

@NodeType(id = "prepare.polynomial", title = "Polynomial features", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = """
                Adds powers x², x³, … up to `degree` of each listed numeric feature as new feature columns named `x^2`, `x^3`, \
                … A linear model on these features is a polynomial in x: regression as loss minimisation over a basis. Each \
                row is expanded on its own, so nothing is learnt and the node is safe anywhere. High degrees on raw x are \
                badly conditioned; standardize first or keep degree moderate.""")
public final class PolynomialFeaturesNode implements Node<PolynomialFeaturesNode.Params>, ColumnTransform<PolynomialFeaturesNode.Params> {

    public record Params(
            @Param(doc = "Numeric features to expand; empty = every numeric feature", hint = Param.Hint.COLUMNS) List<String> columns,
            @Param(doc = "Highest power", def = "2", min = 1, max = 30) int degree) {
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to expand");
    static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "The rows with the added power columns");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        TableSpec out = t;
        List<String> cols = ScalingSpecs.columns(t, p.columns(), "columns");
        for (String c : cols) {
            for (int k = 2; k <= p.degree(); k++) {
                String name = c + "^" + k;
                if (t.column(name).isPresent()) {
                    throw ConfigError.atParam("degree", "The table already has a column '" + name + "'.", "Expand each column only once.");
                }
                out = out.plus(new ColumnSpec(name, ColumnType.NUMERIC, ColumnRole.FEATURE));
            }
        }
        return Specs.of(OUT, out).withPlan(new ColumnPlan(cols));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        Table t = in.get(TABLE);
        return Outputs.of(OUT, expand(t, ScalingSpecs.columns(t.spec(org.anneal.spec.Lineage.UNSPLIT), p.columns(), "columns"), p.degree(),
                ctx::checkCancelled));
    }

    /** Appends x^2 … x^degree of each column. */
    static Table expand(Table t, List<String> columns, int degree, Runnable checkCancelled) {
        Table out = t;
        for (String c : columns) {
            double[] x = t.numeric(c).values();
            List<double[]> powers = new ArrayList<>();
            double[] prev = x;
            for (int k = 2; k <= degree; k++) {
                double[] next = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    next[i] = prev[i] * x[i];
                }
                powers.add(next);
                prev = next;
            }
            for (int k = 2; k <= degree; k++) {
                out = out.with(new NumericColumn(c + "^" + k, ColumnRole.FEATURE, powers.get(k - 2)));
            }
            checkCancelled.run();
        }
        return out;
    }

    /** Inside a pipeline nothing is learnt: the expansion only freezes which columns it expands. */
    @Override
    public Expansion fit(Table rows, Params settings, ExecContext ctx) {
        return new Expansion(settings.columns(), settings.degree());
    }

    @Override
    public Params inPipeline(Table train, List<String> features, Params step) {
        return new Params(TransformStep.numeric(train, features), step.degree());
    }

    @Override
    public String describe(Params settings) {
        return "Polynomial (degree " + settings.degree() + ")";
    }

    /** The expansion with its column list frozen at fit time, so prediction expands exactly the same columns. */
    public record Expansion(List<String> columns, int degree) implements FittedTransform {
        public Expansion {
            columns = List.copyOf(columns);
        }

        @Override
        public String describe() {
            return "Polynomial features of degree " + degree + " of " + columns;
        }

        @Override
        public Table apply(Table data) {
            if (degree < 2 || columns.isEmpty()) {
                return data;
            }
            try {
                // the expansion learns nothing, so it needs no cancellation from the run that applies it
                return expand(data, ScalingSpecs.columns(data.spec(org.anneal.spec.Lineage.UNSPLIT), columns, "columns"), degree, () -> { });
            } catch (ConfigError e) {
                throw new NodeFailure(e.getMessage(), e.fix());
            }
        }
    }

    @NodeType(id = "pipeline.polynomial", title = "Polynomial features (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
            doc = """
                    Puts a polynomial expansion (x², …, x^degree of every numeric feature, as prepare.polynomial) in front of a \
                    learner. Nothing is learnt from rows, but inside the learner the degree becomes a hyperparameter: Tune or a \
                    validation curve can vary `degree` together with the learner's own settings, which shows under- and \
                    over-fitting on one plot.""")
    public static final class InPipeline extends PipelineStepNode<InPipeline.Params> {
        public record Params(@Param(doc = "Highest power", def = "2", min = 1, max = 30, tunable = true) int degree) {
        }

        @Override
        protected PreprocessingStep step(Params p) {
            return new TransformStep<>(new PolynomialFeaturesNode(), new PolynomialFeaturesNode.Params(List.of(), p.degree()));
        }
    }
}
