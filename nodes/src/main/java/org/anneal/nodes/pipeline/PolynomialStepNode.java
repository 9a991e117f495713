package org.anneal.nodes.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Learner;
import org.anneal.nodes.prepare.PolynomialFeaturesNode;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "pipeline.polynomial", title = "Polynomial features (in pipeline)", phase = Phase.PREPARE, role = LeakageRole.STATELESS,
        doc = "Puts a polynomial expansion (x², …, x^degree of every numeric feature, as prepare.polynomial) in front of a learner. "
                + "Nothing is learnt from rows, but inside the learner the degree becomes a hyperparameter: Tune or a validation "
                + "curve can vary `degree` together with the learner's own settings, which shows under- and over-fitting on one plot.")
public final class PolynomialStepNode extends PipelineStepNode<PolynomialStepNode.Params> implements Node<PolynomialStepNode.Params> {

    public record Params(@Param(doc = "Highest power", def = "2", min = 1, max = 30) int degree) {
    }

    static final InPort<Learner> LEARNER = LEARNER_IN;
    static final OutPort<Learner> PIPELINE = PIPELINE_OUT;

    @Override
    protected PreprocessingStep step(Params p) {
        return new Step(p.degree());
    }

    @Override
    protected List<String> tunable() {
        return List.of("degree");
    }

    /** Powers of the numeric features up to {@code degree}. */
    public record Step(int degree) implements PreprocessingStep {
        @Override
        public String describe() {
            return "Polynomial (degree " + degree + ")";
        }

        @Override
        public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
            Expansion e = new Expansion(PrepareNodes.numeric(train, features), degree);
            return FittedStep.of(e, train, e.apply(train), features);
        }

        @Override
        public Map<String, Double> hyperparameters() {
            return Map.of("degree", (double) degree);
        }

        @Override
        public PreprocessingStep with(String hyperparameter, double value) {
            if (!hyperparameter.equals("degree")) {
                return PreprocessingStep.super.with(hyperparameter, value);
            }
            if (value < 1 || value > 30 || value != Math.rint(value)) {
                throw new NodeFailure("A polynomial degree must be a whole number from 1 to 30, not " + value + ".", "Tune degree over 1, 2, 3, …");
            }
            return new Step((int) value);
        }
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
            // the expansion learns nothing, so it needs no seed or cancellation from the run that applies it
            return (Table) PrepareNodes.fitOn(new PolynomialFeaturesNode(), new PolynomialFeaturesNode.Params(columns, degree), data,
                    DETACHED).get("out");
        }
    }

    /** A context with nothing to give: no seed, no cancellation, no progress, no files. */
    private static final ExecContext DETACHED = new ExecContext() {
        @Override
        public long seed() {
            return 0;
        }

        @Override
        public void checkCancelled() {
        }

        @Override
        public void progress(double fraction) {
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public Path resolve(String path, String param) {
            return Path.of(".").resolve(path);
        }

        @Override
        public String nodeId() {
            return "pipeline.polynomial";
        }
    };
}
