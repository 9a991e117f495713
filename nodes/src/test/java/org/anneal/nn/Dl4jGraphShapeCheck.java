package org.anneal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.anneal.nn.dl4j.Dl4jGraphs;
import org.anneal.nn.dl4j.Dl4jLayers;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link Dl4jShapeCheck} for networks with branches: Anneal's plain-Java shapes and parameter counts against a really built
 * DL4J {@code ComputationGraph} — the activation types its configuration infers for every vertex, the parameters every
 * layer vertex holds, the graph's total, and the shape of every vertex's activations in a forward pass of two samples.
 */
public final class Dl4jGraphShapeCheck {
    private Dl4jGraphShapeCheck() {
    }

    /** One row: a network that merges. */
    public record Row(String name, Network network) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Checks the row; returns the number of trainable parameters in front of the test head (each layer counted once). */
    public static long check(Row row) {
        Network net = row.network();
        InputType inputType = Dl4jLayers.inputType(net.input());
        var graph = new NeuralNetConfiguration.Builder().seed(1).graphBuilder().addInputs(Dl4jGraphs.INPUT).setInputTypes(inputType);
        Dl4jGraphs.Added added = Dl4jGraphs.addLayers(graph, net);
        Shape out = net.output();
        graph.addLayer("head", switch (out.dims().size()) {
            case 1 -> new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1).activation(Activation.IDENTITY).build();
            case 2 -> new RnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build();
            default -> new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build();
        }, added.output()).setOutputs("head");
        ComputationGraphConfiguration conf = graph.build();
        Map<String, InputType> types = conf.getLayerActivationTypes(inputType);
        ComputationGraph built = new ComputationGraph(conf);
        built.init();
        long[] sample = Dl4jShapeCheck.dl4jOrder(net.input());
        long[] inShape = new long[sample.length + 1];
        inShape[0] = 2;
        System.arraycopy(sample, 0, inShape, 1, sample.length);
        Map<String, INDArray> acts = built.feedForward(Nd4j.rand(DataType.FLOAT, inShape), false);
        long ours = 0;
        Map<LayerDef, Boolean> counted = new IdentityHashMap<>();
        for (Dl4jGraphs.Placed p : added.placed()) {
            String at = row + " " + p.def().kind() + " at " + p.vertex();
            if (!p.vertex().equals(Dl4jGraphs.INPUT)) { // a layer that changes nothing (a flatten of a vector) shares the vertex before it
                assertEquals(p.out(), Dl4jShapeCheck.shape(types.get(p.vertex())), at + ": DL4J's inferred type");
                long[] actual = acts.get(p.vertex()).shape();
                assertEquals(Arrays.toString(Dl4jShapeCheck.dl4jOrder(p.out())), Arrays.toString(Arrays.copyOfRange(actual, 1, actual.length)),
                        at + ": activations");
                long dl4jParams = built.getVertex(p.vertex()).hasLayer() ? built.getVertex(p.vertex()).getLayer().numParams() : 0;
                assertEquals(p.def().params(p.in()), dl4jParams, at + ": parameters");
            }
            if (counted.put(p.def(), true) == null) {
                ours += p.def().params(p.in());
            }
        }
        assertEquals(built.numParams() - built.getLayer("head").numParams(), ours, row + ": total parameters");
        return ours;
    }
}
