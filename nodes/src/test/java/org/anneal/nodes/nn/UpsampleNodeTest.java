package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.anneal.nn.Dl4jShapeCheck;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UpsampleNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("image ×2", Shape.image(15, 7, 8), new UpsampleNode.Params(2)),
                new Row("sequence ×3", Shape.sequence(6, 2), new UpsampleNode.Params(3)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void aVectorIsAnErrorOnTheInput() {
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class, () -> new UpsampleNode.Params(2).outputShape(Shape.flat(4))).port());
    }
}
