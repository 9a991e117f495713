package org.anneal.nn.dl4j;

import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nn.Shape;
import org.anneal.spec.ExecContext;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.layers.DropoutLayer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The gradient of one output of a trained network with respect to its input, row by row: the saliency of every input
 * feature or pixel (Simonyan et al., 2014). Computed at prediction time: dropout passes everything and batch
 * normalisation uses its running statistics, so the gradient is that of exactly the function {@code predict} evaluates.
 *
 * <p>Why by hand, layer by layer: DL4J's {@code MultiLayerNetwork.backpropGradient(epsilon)} refuses a network ending in
 * an output layer, and its training-mode backward pass would draw dropout masks and differentiate through minibatch
 * statistics. Each hidden layer's own {@code backpropGradient} is used after an inference-mode forward pass; the output
 * layer's dense step, dropout (identity) and batch normalisation (a per-channel scale at inference) are differentiated
 * here. {@code InputGradientsTest} checks the result against finite differences of the predictions.
 */
public final class InputGradients {
    private InputGradients() {
    }

    /** Whether {@code model} is a network trained here (only those have input gradients). */
    public static boolean available(TrainedModel model) {
        return model instanceof NetworkModel;
    }

    /** Fails, saying why, unless the model is a chain network whose input gradients this class can take. */
    public static void requireChain(TrainedModel model) {
        ChainOnly.require(model, "Saliency", "use explain.permutation-importance");
    }

    /**
     * d output[{@code unit[r]}] / d input of row {@code r} of {@code rows}, in the table layout (one value per numeric
     * column, or per value of the tensor column, last axis fastest). For a classifier the output is the class
     * probability; for regression unit 0 is the prediction.
     */
    public static float[][] of(TrainedModel model, Table rows, int[] unit, ExecContext ctx) {
        NetworkModel nm = ChainOnly.require(model, "Saliency", "");
        Shape shape = nm.input();
        float[] values = TableArrays.inputs(rows, nm.features(), shape);
        return Dl4jRuntime.exclusive(ctx, () -> {
            synchronized (nm) {
                INDArray x = NetworkInputs.all(values, shape);
                return NetworkInputs.tableLayout(gradient(nm.network(), x, unit), shape);
            }
        });
    }

    /** d out[r, unit[r]] / d x[r] for every row r, in DL4J's input layout. */
    static INDArray gradient(MultiLayerNetwork net, INDArray x, int[] unit) {
        return towards(net, x, unit, -1, false)[1];
    }

    /**
     * The output of layer {@code below} (the input when it is −1) and d out[r, unit[r]] / d that output, for every row
     * r: with {@code logit} the output is the head's pre-activation score (a class score before softmax, as Grad-CAM
     * differentiates), else what the network predicts.
     */
    static INDArray[] towards(MultiLayerNetwork net, INDArray x, int[] unit, int below, boolean logit) {
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int layers = net.getnLayers();
        int n = (int) x.size(0);
        INDArray a = x;
        INDArray kept = x;
        for (int i = 0; i < layers - 1; i++) {
            a = preProcess(conf.getInputPreProcess(i), a, n, mgr);
            a = net.getLayer(i).activate(a, false, mgr);
            if (i == below) {
                kept = a.dup(); // the backward pass below must not see it changed, nor change it
            }
        }
        a = preProcess(conf.getInputPreProcess(layers - 1), a, n, mgr);
        Layer head = net.getLayer(layers - 1);
        INDArray w = head.getParam("W");
        INDArray z = a.mmul(w).addiRowVector(head.getParam("b"));
        INDArray chosen = Nd4j.zeros(z.dataType(), z.shape());
        for (int r = 0; r < n; r++) {
            chosen.putScalar(r, unit[r], 1.0);
        }
        IActivation activation = ((BaseLayer) head.conf().getLayer()).getActivationFn();
        INDArray delta = logit ? chosen : activation.backprop(z.dup(), chosen).getFirst();
        INDArray g = delta.mmul(w.transpose());
        g = backprop(conf.getInputPreProcess(layers - 1), g, n, mgr);
        for (int i = layers - 2; i > below; i--) {
            Layer layer = net.getLayer(i);
            if (layer instanceof FrozenLayer frozen) {
                // a frozen layer passes no gradient back; its inside layer does, given room for the weight gradients it
                // computes on the way (never applied: nothing updates a frozen layer)
                layer = frozen.getInsideLayer();
                if (layer.numParams() > 0 && layer.getGradientsViewArray() == null) {
                    layer.setBackpropGradientsViewArray(Nd4j.create(g.dataType(), 1, layer.numParams()));
                }
            }
            if (layer instanceof BatchNormalization bn) {
                g = throughBatchNorm(bn, g);
            } else if (!(layer instanceof DropoutLayer)) {
                g = layer.backpropGradient(g, mgr).getSecond();
            }
            g = backprop(conf.getInputPreProcess(i), g, n, mgr);
        }
        return new INDArray[] {kept, g};
    }

    static INDArray preProcess(InputPreProcessor p, INDArray a, int n, LayerWorkspaceMgr mgr) {
        return p == null ? a : p.preProcess(a, n, mgr);
    }

    private static INDArray backprop(InputPreProcessor p, INDArray g, int n, LayerWorkspaceMgr mgr) {
        return p == null ? g : p.backprop(g, n, mgr);
    }

    /** At inference batch normalisation is y = γ (x − μ) / σ + β with stored μ and σ: its gradient is γ / σ per channel. */
    private static INDArray throughBatchNorm(BatchNormalization bn, INDArray g) {
        var c = (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
        INDArray std = c.isUseLogStd()
                ? Transforms.exp(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).mul(Math.log(10)), false)
                : Transforms.sqrt(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).add(c.getEps()), false);
        INDArray gamma = c.isLockGammaBeta() ? Nd4j.valueArrayOf(std.shape(), c.getGamma(), g.dataType())
                : bn.getParam(BatchNormalizationParamInitializer.GAMMA);
        INDArray scale = gamma.div(std).reshape(-1).castTo(g.dataType());
        INDArray out = g.ulike();
        Nd4j.getExecutioner().exec(new BroadcastMulOp(g, scale, out, 1));
        return out;
    }
}
