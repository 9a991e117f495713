package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.anneal.nn.Dl4jShapeCheck;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.LayerDef;
import org.anneal.nn.LayerDef.PoolKind;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoolNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("max 2×2 halves", Shape.image(30, 30, 8), new PoolNode.Params(PoolKind.MAX, List.of(2, 2), List.of(2, 2))),
                new Row("avg 3×2, odd sizes", Shape.image(11, 9, 2), new PoolNode.Params(PoolKind.AVG, List.of(3, 2), List.of(2, 1))),
                new Row("max on a sequence", Shape.sequence(25, 3), new PoolNode.Params(PoolKind.MAX, List.of(3), List.of(2))),
                new Row("avg on a sequence, [2, 2] read as 2", Shape.sequence(10, 1), new PoolNode.Params(PoolKind.AVG, List.of(2, 2), List.of(2, 2))));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void aWindowLargerThanItsInputIsAnErrorOnTheSize() {
        assertEquals("size", assertThrows(ConfigError.class,
                () -> new PoolNode.Params(PoolKind.MAX, List.of(3), List.of(3)).outputShape(Shape.sequence(2, 4))).param());
        assertEquals("size", assertThrows(ConfigError.class,
                () -> new PoolNode.Params(PoolKind.MAX, List.of(4, 1), List.of(1)).outputShape(Shape.image(3, 9, 1))).param());
    }

    @Test
    void twoDifferentSizesOnASequenceOrAVectorInputAreLocated() {
        assertEquals("size", assertThrows(ConfigError.class,
                () -> new PoolNode.Params(PoolKind.MAX, List.of(2, 3), List.of(2)).outputShape(Shape.sequence(20, 4))).param());
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class,
                () -> new PoolNode.Params(PoolKind.MAX, List.of(2), List.of(2)).outputShape(Shape.flat(20))).port());
    }
}
