package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class GlobalPoolNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("avg over an image", Shape.image(13, 9, 16), new GlobalPoolNode.Params(PoolKind.AVG)),
                new Row("max over an image", Shape.image(4, 4, 3), new GlobalPoolNode.Params(PoolKind.MAX)),
                new Row("max over a sequence", Shape.sequence(20, 5), new GlobalPoolNode.Params(PoolKind.MAX)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void aVectorIsAnErrorOnTheInput() {
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class, () -> new GlobalPoolNode.Params(PoolKind.AVG).outputShape(Shape.flat(4))).port());
    }
}
