package org.anneal.nodes.train;

import java.util.List;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.loss.Loss;
import org.anneal.ml.GradientLearner;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

@NodeType(id = "train.fit", title = "Fit model", phase = Phase.MODEL, role = LeakageRole.FIT,
        doc = """
                Trains a learner on the `train` rows and outputs the fitted model. The target is the column declared as target \
                at the data source; every feature column is used. Connect `train` to the training side of a split: a model \
                fitted on rows it is later scored on gives an optimistic score. For a gradient-trained learner \
                (model.sgd-linear, model.sgd-logistic) wire a loss block to `loss` and an optimizer block to `optimizer`; left \
                empty, whatever the learner node was given applies (by default squared or log loss, plain SGD at rate 0.01). \
                Other learners take neither.""")
public final class FitNode implements Node<FitNode.Params> {

    public record Params() {
    }

    static final InPort<Learner> LEARNER = InPort.of("learner", DataKind.LEARNER, Learner.class, "The algorithm and its settings");
    static final InPort<Table> TRAIN = InPort.of("train", DataKind.TABLE, Table.class, "Training rows with a target column").fitting();
    static final InPort<Loss> LOSS = InPort.of("loss", DataKind.LOSS, Loss.class,
            "What a gradient-trained learner minimises").optional();
    static final InPort<Optimizer> OPTIMIZER = InPort.of("optimizer", DataKind.OPTIMIZER, Optimizer.class,
            "How a gradient-trained learner steps").optional();
    static final OutPort<TrainedModel> MODEL = OutPort.of("model", DataKind.MODEL, TrainedModel.class, "The fitted model");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        LearnerSpec learner = in.learner(LEARNER);
        TableSpec train = in.table(TRAIN);
        ColumnSpec target = train.requireTarget(TRAIN.name());
        Task task = learner.task();
        if (task == Task.REGRESSION && target.type() != ColumnType.NUMERIC) {
            throw ConfigError.atPort(TRAIN.name(), "A regression learner needs a numeric target, but '" + target.name() + "' holds categories.",
                    "Use a classification learner, or choose a numeric target column at the data source.");
        }
        if (task == Task.CLASSIFICATION && target.type() != ColumnType.CATEGORICAL) {
            throw ConfigError.atPort(TRAIN.name(), "A classifier needs a categorical target, but '" + target.name() + "' holds numbers.",
                    "Use a regression learner, or list '" + target.name() + "' under 'categorical' at the data source if its numbers are class codes.");
        }
        if (task == Task.SEGMENTATION && !target.isTensor()) {
            throw ConfigError.atPort(TRAIN.name(), "A per-pixel classifier needs a mask column as the target, but '" + target.name()
                    + "' holds " + (target.isCategorical() ? "categories" : "numbers") + ".", "Make the mask column the target (data.set-target).");
        }
        List<ColumnSpec> features = train.features();
        if (features.isEmpty()) {
            throw ConfigError.atPort(TRAIN.name(), "The training table has no feature columns.", "Check the column roles at the data source.");
        }
        if (!learner.tensorFeatures()) {
            train.requireScalarFeatures(TRAIN.name());
        }
        if (learner.numericFeaturesOnly()) {
            for (ColumnSpec c : features) {
                if (c.type() != ColumnType.NUMERIC && !(c.isTensor() && learner.tensorFeatures())) {
                    throw ConfigError.atPort(TRAIN.name(), "Feature '" + c.name() + "' holds categories, but this learner needs numbers.",
                            "Drop '" + c.name() + "' with data.select (mode drop) or list it under 'ignore' at its data.csv source, or encode it as numbers first.");
                }
            }
        }
        boolean gradient = learner.gradientTrained();
        checkLossAndOptimizer(in, task, gradient);
        LearnerSpecs.requireProbedFeature(learner.network(), in.value(LOSS), LOSS.name());
        // the model remembers the rows that chose its learner (tuning, selection), not only the rows it was fitted on
        org.anneal.spec.ModelSpec model = LearnerSpecs.model(task, train.lineage(), target.name(), features.stream().map(ColumnSpec::name).toList(),
                gradient);
        // the feature types too, so rows that skipped an encoder's Apply are refused where they are scored (issue 14)
        return Specs.of(MODEL, model.withFeatureTypes(features.stream().map(ColumnSpec::type).toList())
                .withLineage(model.lineage().chosenOn(learner.lineage().chosenOn())).withNetwork(learner.network()));
    }

    private static void checkLossAndOptimizer(Specs in, Task task, boolean gradient) throws ConfigError {
        for (InPort<?> port : List.of(LOSS, OPTIMIZER)) {
            if (in.value(port) != null && !gradient) {
                throw ConfigError.atPort(port.name(), "This learner is not trained by gradient steps, so it takes no " + port.name() + ".",
                        "Remove the wire to '" + port.name() + "', or use a gradient-trained learner (model.sgd-linear, model.sgd-logistic).");
            }
        }
        LearnerSpecs.requireLossFor(task, in.value(LOSS), LOSS.name());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table train = in.get(TRAIN);
        String target = train.target().map(Column::name).orElseThrow();
        List<String> features = train.features().stream().map(Column::name).toList();
        Learner learner = in.get(LEARNER);
        if (learner instanceof GradientLearner g) {
            learner = g.with(in.get(LOSS), in.get(OPTIMIZER));
        }
        return Outputs.of(MODEL, learner.fit(train, features, target, ctx));
    }
}
