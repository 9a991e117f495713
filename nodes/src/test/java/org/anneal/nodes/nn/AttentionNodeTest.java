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

class AttentionNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("two heads", Shape.sequence(12, 3), new AttentionNode.Params(16, 2, 8)),
                new Row("one head, then global pool", Shape.sequence(7, 5), new AttentionNode.Params(4, 1, 6),
                        new GlobalPoolNode.Params(LayerDef.PoolKind.AVG)),
                new Row("after an LSTM of every step", Shape.sequence(9, 2), new LstmNode.Params(6, LstmNode.Steps.EVERY),
                        new AttentionNode.Params(5, 3, 4)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void anImageIsAnErrorOnTheInput() {
        assertEquals(LayerDef.IN, assertThrows(ConfigError.class, () -> new AttentionNode.Params(4, 2, 4).outputShape(Shape.image(8, 8, 1))).port());
    }
}
