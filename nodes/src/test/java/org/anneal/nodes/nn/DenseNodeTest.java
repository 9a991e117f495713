package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class DenseNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("relu", Shape.flat(8), new DenseNode.Params(32, Activation.RELU)),
                new Row("stacked tanh, identity", Shape.flat(3), new DenseNode.Params(5, Activation.TANH), new DenseNode.Params(2, Activation.IDENTITY)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void anImageIsAnErrorOnTheInputAndTheDescriptionNamesTheSize() {
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class,
                () -> new DenseNode.Params(4, Activation.RELU).outputShape(Shape.image(4, 4, 2))).port());
        assertEquals("dense 4", new DenseNode.Params(4, Activation.RELU).describe());
    }
}
