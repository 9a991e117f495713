package org.anneal.nn;

import java.util.List;
import java.util.stream.Stream;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.LayerDef.Padding;
import org.anneal.nn.LayerDef.PoolKind;
import org.anneal.nodes.nn.BatchNormNode;
import org.anneal.nodes.nn.Conv1dNode;
import org.anneal.nodes.nn.Conv2dNode;
import org.anneal.nodes.nn.DenseNode;
import org.anneal.nodes.nn.DropoutNode;
import org.anneal.nodes.nn.FlattenNode;
import org.anneal.nodes.nn.GlobalPoolNode;
import org.anneal.nodes.nn.LstmNode;
import org.anneal.nodes.nn.PoolNode;
import org.anneal.nodes.nn.UpsampleNode;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole networks mixing the layer blocks, checked against DL4J by {@link Dl4jShapeCheck} (each block's own test checks
 * it alone): the shapes each layer hands the next agree with DL4J's, as do the parameter counts of a built network.
 */
class LayerDefTest {
    private static final Activation RELU = Activation.RELU;

    static LayerDef dense(int units, Activation a) {
        return new DenseNode.Params(units, a);
    }

    static LayerDef conv2d(int filters, int kernel, int stride, Padding padding) {
        return new Conv2dNode.Params(filters, List.of(kernel, kernel), List.of(stride, stride), padding, RELU);
    }

    static LayerDef pool(PoolKind kind, int size, int stride) {
        return new PoolNode.Params(kind, List.of(size), List.of(stride));
    }

    static Stream<Row> networks() {
        return Stream.of(
                new Row("mlp", Shape.flat(8), dense(64, RELU), new DropoutNode.Params(0.2), new BatchNormNode.Params(),
                        dense(32, Activation.TANH)),
                new Row("cnn valid", Shape.image(32, 32, 1), conv2d(8, 3, 1, Padding.VALID), pool(PoolKind.MAX, 2, 2),
                        new BatchNormNode.Params(), conv2d(16, 5, 2, Padding.VALID), new FlattenNode.Params(), dense(10, RELU)),
                new Row("cnn same + global pool", Shape.image(28, 20, 3), conv2d(4, 3, 2, Padding.SAME), new UpsampleNode.Params(2),
                        pool(PoolKind.AVG, 3, 2), new GlobalPoolNode.Params(PoolKind.AVG), dense(5, Activation.SIGMOID)),
                new Row("signal conv1d + lstm", Shape.sequence(50, 3), new Conv1dNode.Params(6, 5, 1, Padding.VALID, RELU),
                        pool(PoolKind.MAX, 2, 2), new LstmNode.Params(12, LstmNode.Steps.EVERY), new UpsampleNode.Params(2),
                        new LstmNode.Params(7, LstmNode.Steps.LAST), dense(4, Activation.IDENTITY)),
                new Row("sequence global pool", Shape.sequence(20, 4), new Conv1dNode.Params(3, 4, 2, Padding.SAME, Activation.ELU),
                        new GlobalPoolNode.Params(PoolKind.MAX)),
                new Row("flatten last, before the head", Shape.image(9, 7, 2), conv2d(3, 3, 1, Padding.VALID), new FlattenNode.Params()));
    }

    @ParameterizedTest
    @MethodSource("networks")
    void shapesAndParameterCountsMatchDl4jLayerByLayer(Row c) throws ConfigError {
        Dl4jShapeCheck.layerByLayer(c);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void parameterCountsMatchAReallyBuiltNetwork(Row c) throws ConfigError {
        Dl4jShapeCheck.builtNetwork(c);
    }
}
