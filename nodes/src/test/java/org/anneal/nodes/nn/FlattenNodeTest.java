package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class FlattenNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("image, then dense", Shape.image(5, 4, 3), new FlattenNode.Params(), new DenseNode.Params(7, Activation.RELU)),
                new Row("image, last before the head", Shape.image(6, 6, 2), new FlattenNode.Params()),
                new Row("a vector passes unchanged", Shape.flat(9), new FlattenNode.Params(), new DenseNode.Params(3, Activation.RELU)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void aVectorNeedsNoReshapeAndASequenceIsRefused() {
        assertNull(new FlattenNode.Params().dl4j(Shape.flat(3)));
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class, () -> new FlattenNode.Params().outputShape(Shape.sequence(8, 2))).port());
    }
}
