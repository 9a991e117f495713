package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.anneal.nn.Activation;
import org.anneal.nn.Dl4jShapeCheck;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shapes against DL4J; a workflow with batch norm trains in {@link RegularisingBlocksTest}. */
class BatchNormNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("vector", Shape.flat(12), new BatchNormNode.Params()),
                new Row("per channel of an image", Shape.image(8, 8, 1), new Conv2dNode.Params(6, List.of(3), List.of(1),
                        LayerDef.Padding.VALID, Activation.RELU), new BatchNormNode.Params()));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void aSequenceIsAnErrorOnTheInput() {
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class, () -> new BatchNormNode.Params().outputShape(Shape.sequence(5, 2))).port());
    }
}
