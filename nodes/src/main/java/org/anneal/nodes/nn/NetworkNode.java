package org.anneal.nodes.nn;

import java.util.List;
import org.anneal.ml.Learner;
import org.anneal.spec.Task;
import org.anneal.nn.Network;
import org.anneal.nn.NetworkLearner;
import org.anneal.ml.loss.Loss;
import org.anneal.nodes.model.Hyperparameters;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.ml.optim.Optimizer;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NetworkSpec;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;

// usesDevice: the learner it makes trains on the device, so the device, backend and native thread count enter its cache key
// and, through the Merkle key, that of every fit, cross-validation and tuning it reaches
@NodeType(id = "model.network", title = "Neural network", phase = Phase.MODEL, role = LeakageRole.STATELESS, usesDevice = true,
        doc = """
                Turns a chain of layer blocks (nn.input → nn.dense → …) into a learner, so train.fit, evaluate.cross-validate \
                and model.tune use it like any other. It adds the output head the target asks for: one linear neuron for a \
                numeric target (regression), a softmax over the classes for a categorical one (classification), and for a mask \
                column (one class number per pixel; make it the target with data.set-target) a 1×1 convolution with a softmax \
                over the classes at every pixel (per-pixel segmentation: the network must end in an image of the mask's size; \
                evaluate.predict writes the predicted masks, evaluate.segmentation scores them by IoU and Dice). Trained by \
                Deeplearning4j in float32 with the workflow's seed, `batchSize` rows per step for `epochs` passes, one network \
                at a time on a fixed number of native threads (recorded with the model). Wire a loss (squared, absolute or \
                Huber for regression, log for classification) and an optimizer (Adam, SGD with Nesterov momentum, RMSProp, \
                AdaGrad) to Fit or here; without them it minimises squared error or cross-entropy with Adam at 0.001. With \
                `patience` above 0 it holds out `validation` of the training rows, stops when their loss has not improved for \
                that many epochs and keeps the best epoch (early stopping); rows wired to the `validation` input (the \
                validation side of a split.three-way) watch instead, and all training rows train. Those rows choose the \
                epoch, so they cannot also give the final score. Standardize the inputs first. evaluate.loss-curve \
                draws the training loss per epoch: the mean of that epoch's minibatch losses, as Keras and scikit-learn \
                report it. With `mcDropout` above 0 the fitted network predicts by MC-dropout (Gal and \
                Ghahramani, 2016): that many passes with its nn.dropout blocks still dropping, averaged, and for regression \
                their standard deviation as `prediction_sd`, so evaluate.regression reports coverage_95 and plot.calibration \
                and evaluate.conformal take it like a deep ensemble's. The masks are drawn from the workflow's seed, so a \
                prediction is the same in every run; the spread grows where the network has seen no data, but it reflects \
                the dropout rate, not the noise in the measurements.""")
public final class NetworkNode implements Node<NetworkNode.Params> {

    public record Params(
            @Param(doc = "Passes over the training rows", def = "100", min = 1, max = 100000, tunable = true) int epochs,
            @Param(doc = "Rows per gradient step", def = "32", min = 1, max = 100000, tunable = true) int batchSize,
            @Param(doc = "Weight decay: shrinks the weights (not the biases) a little every step", def = "0", min = 0, max = 1,
                    tunable = true) double weightDecay,
            @Param(doc = "Early stopping: epochs without a better validation loss before stopping; 0 = off", def = "0", min = 0,
                    max = 10000) int patience,
            @Param(doc = "Share of the training rows held out to watch for early stopping (used only with patience)", def = "0.1",
                    min = 0.01, max = 0.5) double validation,
            @Param(doc = "MC-dropout: predict by this many passes with dropout left on, giving a mean and a standard deviation; "
                    + "0 = off (one pass, dropout off)", def = "0", min = 0, max = 1000) int mcDropout) {
    }

    static final InPort<Network> NETWORK = InPort.of("network", DataKind.NETWORK, Network.class, "The layers, from nn.input on");
    static final InPort<Loss> LOSS = InPort.of("loss", DataKind.LOSS, Loss.class, "What to minimise").optional();
    static final InPort<Optimizer> OPTIMIZER = InPort.of("optimizer", DataKind.OPTIMIZER, Optimizer.class, "How to step").optional();
    static final InPort<org.anneal.data.Table> VALIDATION = InPort.of("validation", DataKind.TABLE, org.anneal.data.Table.class,
            "Rows that watch early stopping (choose the epoch) instead of a share of the training rows").optional().choosing();
    static final OutPort<Learner> LEARNER = OutPort.of("learner", DataKind.LEARNER, Learner.class,
            "The untrained network, for a Fit, cross-validation or tuning node");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        NetworkSpec net = LayerBlock.spec(in, NETWORK);
        Task task = task(net);
        if (task == Task.SEGMENTATION) {
            requireMaskSize(net);
        } else if (net.outputShape().size() != 1) {
            throw ConfigError.atPort(NETWORK.name(), "The network ends in a " + NetworkSpec.shapeText(net.outputShape())
                    + " block, but the output head needs a vector.", "End the network with nn.flatten, nn.global-pool or nn.dense.");
        }
        LearnerSpecs.requireLossFor(task, in.value(LOSS), LOSS.name());
        LearnerSpecs.requireProbedFeature(net, in.value(LOSS), LOSS.name());
        if (p.mcDropout() > 0 && net.layers().stream().noneMatch(l -> l.kind().equals("dropout"))) {
            throw ConfigError.atParam("mcDropout", "MC-dropout needs dropout to leave on, but this network has no nn.dropout block.",
                    "Add an nn.dropout block (after a dense layer), or set mcDropout to 0.");
        }
        // the learning rate belongs to the optimizer wired at Fit, so it is offered beside this node's own tunables
        List<String> tunable = new java.util.ArrayList<>(Hyperparameters.of(this));
        tunable.add("learningRate");
        // the network reads only the columns its input block chose, so tensor features (images, signals) are its to read
        org.anneal.spec.LearnerSpec learner = Hyperparameters.offeredBy(LearnerSpecs.gradientLearner(task, tunable), this).readingTensors()
                .withNetwork(net);
        if (in.has(VALIDATION) && in.value(VALIDATION) instanceof org.anneal.spec.TableSpec val) {
            learner = learner.withLineage(learner.lineage().chosenOn(java.util.Set.of(val.lineage().partition())));
            requireValidation(net, val, p);
        }
        return Specs.of(LEARNER, learner);
    }

    /** The wired validation rows carry the target and every column the input block reads, and patience is on to use them. */
    private static void requireValidation(NetworkSpec net, org.anneal.spec.TableSpec val, Params p) throws ConfigError {
        if (p.patience() == 0) {
            throw ConfigError.atParam("patience", "Validation rows are wired, but patience is 0, so nothing watches them.",
                    "Set patience (for example 10) to stop when the validation loss stops falling, or unwire 'validation'.");
        }
        if (val.column(net.target().name()).isEmpty()) {
            throw ConfigError.atPort(VALIDATION.name(), "The validation rows have no target column '" + net.target().name() + "'.",
                    "Wire rows from the same source as the training rows (the validation side of a split.three-way).");
        }
        for (String c : net.inputColumns()) {
            if (val.column(c).isEmpty()) {
                throw ConfigError.atPort(VALIDATION.name(), "The validation rows lack the column '" + c + "' the network reads.",
                        "Prepare the validation rows like the training rows (prepare.apply with the same state).");
            }
        }
    }

    static Task task(NetworkSpec net) throws ConfigError {
        if (net.target() == null) {
            throw ConfigError.atPort(NETWORK.name(), "The table at the network's input block has no target, so there is nothing to predict.",
                    "Set the 'target' parameter of the data source.");
        }
        if (net.target().isTensor()) {
            int[] d = net.target().shape().dims();
            if (d.length != 3 || d[2] != 1) {
                throw ConfigError.atPort(NETWORK.name(), "The target '" + net.target().name() + "' holds " + net.target().shape().describe()
                        + "; a network predicts a number, a class, or a mask (one class per pixel).", "Make a mask or a scalar column the target.");
            }
            return Task.SEGMENTATION;
        }
        return net.target().type() == ColumnType.CATEGORICAL ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** A per-pixel classifier ends in an image as large as the masks: the head adds one channel per class at every pixel. */
    private static void requireMaskSize(NetworkSpec net) throws ConfigError {
        int[] mask = net.target().shape().dims();
        List<Integer> out = net.outputShape();
        if (out.size() != 3 || out.get(0) != mask[0] || out.get(1) != mask[1]) {
            throw ConfigError.atPort(NETWORK.name(), "The target '" + net.target().name() + "' is a " + mask[0] + "×" + mask[1]
                    + " mask, so the network must end in an image of " + mask[0] + "×" + mask[1] + " pixels, but it ends in "
                    + NetworkSpec.shapeText(out) + ".", out.size() == 3
                    ? "Bring the size back with nn.upsample after pooling, and use padding 'same' in the convolutions."
                    : "Keep the image: end with nn.conv2d blocks, not nn.flatten, nn.global-pool or nn.dense.");
        }
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Network net = in.get(NETWORK);
        Task task = net.task(); // configure refused a network without one
        var settings = new NetworkLearner.Settings(p.epochs(), p.batchSize(), p.weightDecay(), p.patience(), p.validation(), p.mcDropout());
        return Outputs.of(LEARNER, new NetworkLearner(net, task, settings, in.get(LOSS), in.get(OPTIMIZER),
                in.has(VALIDATION) ? in.get(VALIDATION) : null));
    }
}
