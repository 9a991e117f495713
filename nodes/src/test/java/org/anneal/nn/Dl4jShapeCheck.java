package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.nn.dl4j.Dl4jLayers;
import org.anneal.spec.ConfigError;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The check every layer block's test runs on its table of rows: Anneal's plain-Java shapes and parameter counts against
 * DL4J's, per layer with DL4J's own {@code getOutputType} and {@code numParams} (no native code), and against a really
 * built and initialised network whose forward pass has the predicted shape at every layer. A new block adds rows.
 */
public final class Dl4jShapeCheck {
    private Dl4jShapeCheck() {
    }

    /** One row: a small network (the layer under test, with any layers it needs in front). */
    public record Row(String name, Shape input, List<LayerDef> layers) {
        public Row(String name, Shape input, LayerDef... layers) {
            this(name, input, List.of(layers));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Both checks on one row. */
    public static void check(Row row) throws ConfigError {
        layerByLayer(row);
        builtNetwork(row);
    }

    /** DL4J's per-layer inference, as DEPENDENCIES.md describes it; a flatten is the next layer's preprocessor. */
    public static void layerByLayer(Row c) throws ConfigError {
        List<Shape> ours = new ArrayList<>();
        List<Long> ourParams = new ArrayList<>();
        Shape s = c.input();
        for (LayerDef l : c.layers()) {
            ourParams.add(l.params(s));
            s = l.outputShape(s);
            ours.add(s);
        }
        InputPreProcessor[] pending = new InputPreProcessor[1];
        List<Dl4jLayers.Translated> dl = Dl4jLayers.translate(c.input(), c.layers(), pending);
        InputType in = Dl4jLayers.inputType(c.input());
        int k = 0;
        for (int i = 0; i < c.layers().size(); i++) {
            if (k == dl.size() || dl.get(k).def() != c.layers().get(i)) {
                // a reshape only: the preprocessor of the next layer, or of the head
                InputPreProcessor pp = k < dl.size() ? dl.get(k).preProcessor() : pending[0];
                long size = pp == null ? ours.get(i).size() : pp.getOutputType(in).arrayElementsPerExample();
                assertEquals(ours.get(i).size(), size, c + " layer " + i + " (" + c.layers().get(i).kind() + ") reshape");
                assertEquals(0, ourParams.get(i), c + " a reshape holds no parameters");
                continue;
            }
            Layer layer = dl.get(k).layer();
            InputPreProcessor pp = dl.get(k).preProcessor() != null ? dl.get(k).preProcessor() : layer.getPreProcessorForInputType(in);
            in = pp == null ? in : pp.getOutputType(in);
            layer.setNIn(in, false);
            in = layer.getOutputType(k, in);
            if (layer instanceof org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer && in instanceof InputType.InputTypeRecurrent r) {
                // DL4J 1.0.0-M2.1 reports a globally pooled sequence as unchanged, yet the layer outputs [batch, channels]
                // (the forward pass in builtNetwork shows it): take what it computes, not what it reports
                in = InputType.feedForward(r.getSize());
            }
            assertEquals(ours.get(i), shape(in), c + " layer " + i + " (" + c.layers().get(i).kind() + ") shape");
            assertEquals(ourParams.get(i), layer.initializer().numParams(layer), c + " layer " + i + " params");
            k++;
        }
    }

    /** A really built network (with a one-output head) and a forward pass of two samples. */
    public static void builtNetwork(Row c) throws ConfigError {
        InputPreProcessor[] pending = new InputPreProcessor[1];
        List<Dl4jLayers.Translated> dl = Dl4jLayers.translate(c.input(), c.layers(), pending);
        var list = new NeuralNetConfiguration.Builder().seed(1).list();
        for (int i = 0; i < dl.size(); i++) {
            list.layer(i, dl.get(i).layer());
            if (dl.get(i).preProcessor() != null) {
                list.inputPreProcessor(i, dl.get(i).preProcessor());
            }
        }
        list.layer(dl.size(), new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        if (pending[0] != null) {
            list.inputPreProcessor(dl.size(), pending[0]);
        }
        MultiLayerConfiguration conf = list.setInputType(Dl4jLayers.inputType(c.input())).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        long[] nchw = dl4jOrder(c.input());
        long[] inShape = new long[nchw.length + 1];
        inShape[0] = 2;
        System.arraycopy(nchw, 0, inShape, 1, nchw.length);
        List<INDArray> acts = net.feedForward(Nd4j.rand(DataType.FLOAT, inShape), false);
        Shape s = c.input();
        int k = 0;
        for (LayerDef l : c.layers()) {
            long p = l.params(s);
            s = l.outputShape(s);
            if (k < dl.size() && dl.get(k).def() == l) {
                assertEquals(p, net.getLayer(k).numParams(), c + " built layer " + k);
                long[] actual = acts.get(k + 1).shape();
                assertEquals(Arrays.toString(dl4jOrder(s)), Arrays.toString(Arrays.copyOfRange(actual, 1, actual.length)),
                        c + " activations of layer " + k);
                k++;
            }
        }
        if (s.isFlat()) {
            assertEquals(s.size() + 1, net.getLayer(k).numParams(), c + " head sees the output shape");
        }
    }

    /** A sample's shape as DL4J lays it out: channels first. */
    public static long[] dl4jOrder(Shape s) {
        return switch (s.dims().size()) {
            case 1 -> new long[] {s.dim(0)};
            case 2 -> new long[] {s.dim(1), s.dim(0)};
            default -> new long[] {s.dim(2), s.dim(0), s.dim(1)};
        };
    }

    static Shape shape(InputType t) {
        if (t instanceof InputType.InputTypeFeedForward f) {
            return Shape.flat((int) f.getSize());
        }
        if (t instanceof InputType.InputTypeRecurrent r) {
            return Shape.sequence((int) r.getTimeSeriesLength(), (int) r.getSize());
        }
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) t;
        return Shape.image((int) c.getHeight(), (int) c.getWidth(), (int) c.getChannels());
    }
}
