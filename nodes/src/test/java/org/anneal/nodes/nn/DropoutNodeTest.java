package org.anneal.nodes.nn;

import java.util.stream.Stream;
import org.anneal.nn.Dl4jShapeCheck;
import org.anneal.nn.Dl4jShapeCheck.Row;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shapes against DL4J; the range of drop is checked on the parameter, and training with dropout, in {@link RegularisingBlocksTest}. */
class DropoutNodeTest {
    static Stream<Row> rows() {
        return Stream.of(
                new Row("vector", Shape.flat(10), new DropoutNode.Params(0.3)),
                new Row("image", Shape.image(6, 5, 2), new DropoutNode.Params(0.5)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }
}
