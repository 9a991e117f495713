package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.anneal.nn.Activation;
import org.anneal.nn.Dl4jShapeCheck;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.LayerDef;
import org.anneal.nn.LayerDef.Padding;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Conv1dNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("valid on a 3-channel signal", Shape.sequence(50, 3), new Conv1dNode.Params(6, 5, 1, Padding.VALID, Activation.RELU)),
                new Row("valid, stride 3", Shape.sequence(31, 2), new Conv1dNode.Params(4, 4, 3, Padding.VALID, Activation.TANH)),
                new Row("same, stride 2", Shape.sequence(20, 4), new Conv1dNode.Params(3, 4, 2, Padding.SAME, Activation.ELU)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void aKernelLongerThanTheSequenceIsAnErrorOnTheKernel() {
        assertEquals("kernel", assertThrows(ConfigError.class,
                () -> new Conv1dNode.Params(2, 9, 1, Padding.VALID, Activation.RELU).outputShape(Shape.sequence(8, 1))).param());
    }

    @Test
    void anImageIsAnErrorOnTheInput() {
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class,
                () -> new Conv1dNode.Params(2, 3, 1, Padding.VALID, Activation.RELU).outputShape(Shape.image(8, 8, 1))).port());
    }
}
