package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.anneal.nn.Dl4jShapeCheck;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.LayerDef;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LstmNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("last step", Shape.sequence(30, 3), new LstmNode.Params(12, LstmNode.Steps.LAST)),
                new Row("every step", Shape.sequence(10, 1), new LstmNode.Params(5, LstmNode.Steps.EVERY)),
                new Row("stacked", Shape.sequence(16, 4), new LstmNode.Params(8, LstmNode.Steps.EVERY), new LstmNode.Params(6, LstmNode.Steps.LAST)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void anLstmFedAnImageIsAnErrorOnItsInput() {
        ConfigError e = assertThrows(ConfigError.class, () -> new LstmNode.Params(8, LstmNode.Steps.LAST).outputShape(Shape.image(8, 8, 1)));
        assertEquals(LayerDef.IN, e.port());
        assertTrue(e.getMessage().contains("8×8×1 image"), e.getMessage());
        assertTrue(e.fix().contains("nn.conv2d"), e.fix());
    }
}
