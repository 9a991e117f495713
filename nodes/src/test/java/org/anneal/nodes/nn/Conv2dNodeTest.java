package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

class Conv2dNodeTest {
    static Conv2dNode.Params conv(int filters, List<Integer> kernel, List<Integer> stride, Padding padding) {
        return new Conv2dNode.Params(filters, kernel, stride, padding, Activation.RELU);
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("3×3 valid on grey", Shape.image(32, 32, 1), conv(8, List.of(3, 3), List.of(1, 1), Padding.VALID)),
                new Row("[3] is square, stride 2", Shape.image(17, 12, 3), conv(4, List.of(3), List.of(2), Padding.VALID)),
                new Row("non-square kernel and stride", Shape.image(20, 15, 2), conv(5, List.of(5, 2), List.of(3, 1), Padding.VALID)),
                new Row("same padding", Shape.image(15, 9, 4), conv(6, List.of(4, 3), List.of(2, 2), Padding.SAME)));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchDl4j(Row row) throws ConfigError {
        Dl4jShapeCheck.check(row);
    }

    @Test
    void showsTheCanvasExampleOfTheIssue() throws ConfigError {
        Shape in = Shape.image(32, 32, 1);
        Conv2dNode.Params c = conv(8, List.of(3, 3), List.of(1, 1), Padding.VALID);
        assertEquals("30×30×8", c.outputShape(in).text());
        assertEquals(80, c.params(in)); // 3·3·1·8 + 8
        assertEquals(3 * 3 * 8 * 8 + 8, c.params(Shape.image(30, 30, 8)));
    }

    @Test
    void aKernelThatDoesNotFitIsAnErrorOnTheKernel() throws ConfigError {
        ConfigError e = assertThrows(ConfigError.class,
                () -> conv(8, List.of(7, 7), List.of(1, 1), Padding.VALID).outputShape(Shape.image(5, 9, 1)));
        assertEquals("kernel", e.param());
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("5"), e.getMessage());
        // the same kernel fits with 'same' padding
        assertEquals(Shape.image(5, 9, 8), conv(8, List.of(7, 7), List.of(1, 1), Padding.SAME).outputShape(Shape.image(5, 9, 1)));
    }

    @Test
    void aChainThatShrinksTheImageToNothingStopsAtTheLayerThatNoLongerFits() throws ConfigError {
        LayerDef c = conv(4, List.of(5, 5), List.of(1, 1), Padding.VALID);
        Shape s = c.outputShape(c.outputShape(c.outputShape(Shape.image(16, 16, 1)))); // 12, 8, 4
        assertEquals(Shape.image(4, 4, 4), s);
        assertEquals("kernel", assertThrows(ConfigError.class, () -> c.outputShape(s)).param());
    }

    @Test
    void aKernelOfThreeAxesOrASequenceInputIsLocated() {
        assertEquals("kernel", assertThrows(ConfigError.class,
                () -> conv(4, List.of(3, 3, 3), List.of(1), Padding.VALID).outputShape(Shape.image(8, 8, 1))).param());
        assertEquals("stride", assertThrows(ConfigError.class,
                () -> conv(4, List.of(3), List.of(), Padding.VALID).outputShape(Shape.image(8, 8, 1))).param());
        ConfigError e = assertThrows(ConfigError.class, () -> conv(4, List.of(3), List.of(1), Padding.VALID).outputShape(Shape.sequence(8, 2)));
        assertEquals(LayerDef.IN, e.port());
        assertTrue(e.fix().contains("nn.conv1d"), e.fix());
    }
}
