package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.anneal.nn.Activation;
import org.anneal.nn.Dl4jGraphShapeCheck;
import org.anneal.nn.Dl4jGraphShapeCheck.Row;
import org.anneal.nn.LayerDef;
import org.anneal.nn.LayerDef.Padding;
import org.anneal.nn.MergeLayer;
import org.anneal.nn.MergeLayer.Mode;
import org.anneal.nn.Network;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.anneal.spec.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MergeNodeTest {
    static Network input(Shape s) {
        return new Network(List.of("x"), s, "", null, List.of());
    }

    static Conv2dNode.Params conv(int filters) {
        return new Conv2dNode.Params(filters, List.of(3, 3), List.of(1, 1), Padding.SAME, Activation.RELU);
    }

    static DenseNode.Params dense(int units) {
        return new DenseNode.Params(units, Activation.TANH);
    }

    /** conv → pool → conv → upsample, concatenated with the first conv's output, → conv: the smallest U-Net. */
    static Network uNet(int size) {
        Network c1 = input(Shape.image(size, size, 1)).then(conv(4));
        Network down = c1.then(new PoolNode.Params(LayerDef.PoolKind.MAX, List.of(2, 2), List.of(2, 2))).then(conv(8))
                .then(new UpsampleNode.Params(2));
        return down.then(new MergeLayer(Mode.CONCAT, c1)).then(conv(4));
    }

    static Stream<Row> rows() {
        Network vec = input(Shape.flat(5));
        Network a = vec.then(dense(8));
        Network residual = a.then(dense(8)).then(new MergeLayer(Mode.ADD, a)).then(dense(3));
        Network seq = input(Shape.sequence(20, 3));
        Network seqCat = seq.then(new Conv1dNode.Params(4, 3, 1, Padding.SAME, Activation.RELU)).then(new MergeLayer(Mode.CONCAT, seq))
                .then(new LstmNode.Params(6, LstmNode.Steps.LAST));
        Network img = input(Shape.image(12, 12, 2));
        Network flatConv = img.then(new Conv2dNode.Params(3, List.of(3, 3), List.of(1, 1), Padding.VALID, Activation.RELU)).then(new FlattenNode.Params());
        Network pooled = img.then(new GlobalPoolNode.Params(LayerDef.PoolKind.AVG));
        Network nested = a.then(dense(4)).then(new MergeLayer(Mode.CONCAT, vec.then(dense(2)).then(new MergeLayer(Mode.CONCAT, a))));
        return Stream.of(
                new Row("U-Net skip on a 16×16 image", uNet(16)),
                new Row("two dense branches concatenated", vec.then(dense(8)).then(new MergeLayer(Mode.CONCAT, vec.then(dense(6)))).then(dense(3))),
                new Row("residual add of dense layers", residual),
                new Row("sequence concatenated with the raw input", seqCat),
                new Row("flattened conv beside a global pool", flatConv.then(new MergeLayer(Mode.CONCAT, pooled)).then(dense(2))),
                new Row("a merge inside the skip branch", nested));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void shapesAndParameterCountsMatchABuiltComputationGraph(Row row) {
        Dl4jGraphShapeCheck.check(row);
    }

    @Test
    void theUNetHasTheShapesAStudentExpects() throws ConfigError {
        Network u = uNet(16);
        assertEquals(Shape.image(16, 16, 12), u.shapes().get(4), "8 upsampled channels + 4 skipped ones");
        assertEquals(Shape.image(16, 16, 4), u.output());
        // conv1 40, conv2 3·3·4·8 + 8 = 296, conv3 3·3·12·4 + 4 = 436: the shared conv counted once
        assertEquals(40 + 296 + 436, Dl4jGraphShapeCheck.check(new Row("u", u)));
    }

    @Test
    void aSizeMismatchNamesBothSizesAndProposesPoolOrUpsample() {
        ConfigError e = assertThrows(ConfigError.class, () -> MergeLayer.combine(Shape.image(8, 8, 16), Shape.image(16, 16, 4), Mode.CONCAT));
        assertEquals(MergeLayer.SKIP, e.port());
        assertTrue(e.getMessage().contains("8×8×16") && e.getMessage().contains("16×16×4"), e.getMessage());
        assertTrue(e.fix().contains("nn.upsample (size 2) on the 'in' branch") && e.fix().contains("nn.pool (size 2, stride 2) on the 'skip'"), e.fix());
    }

    @Test
    void addNeedsEqualChannelsAndKindsMustMatch() throws ConfigError {
        assertEquals("skip", assertThrows(ConfigError.class, () -> MergeLayer.combine(Shape.flat(8), Shape.flat(6), Mode.ADD)).port());
        assertEquals(Shape.flat(14), MergeLayer.combine(Shape.flat(8), Shape.flat(6), Mode.CONCAT));
        ConfigError kinds = assertThrows(ConfigError.class, () -> MergeLayer.combine(Shape.image(4, 4, 2), Shape.flat(6), Mode.CONCAT));
        assertTrue(kinds.fix().contains("nn.global-pool"), kinds.fix());
        assertEquals(Shape.sequence(10, 5), MergeLayer.combine(Shape.sequence(10, 2), Shape.sequence(10, 3), Mode.CONCAT));
    }

    @Test
    void theSpecCountsSharedLayersOnceAndRefusesTwoInputs() throws ConfigError {
        NetworkSpec in = NetworkSpec.input(List.of("image"), List.of(16, 16, 1), null);
        NetworkSpec c1 = in.then(new NetworkSpec.Layer("conv1", "conv2d", List.of(16, 16, 4), 40));
        NetworkSpec down = c1.then(new NetworkSpec.Layer("pool", "max-pool", List.of(8, 8, 4), 0))
                .then(new NetworkSpec.Layer("conv2", "conv2d", List.of(8, 8, 8), 296))
                .then(new NetworkSpec.Layer("up", "upsample", List.of(16, 16, 8), 0));
        NetworkSpec merged = MergeNode.merged(down, c1, "merge", Mode.CONCAT);
        assertEquals(List.of(16, 16, 12), merged.outputShape());
        assertEquals(336, merged.totalParams());
        assertEquals("→ 16×16×12 · 0 params", merged.summary());
        NetworkSpec other = NetworkSpec.input(List.of("other"), List.of(16, 16, 1), null);
        ConfigError e = assertThrows(ConfigError.class, () -> MergeNode.merged(c1, other, "merge", Mode.CONCAT));
        assertEquals("skip", e.port());
        ConfigError size = assertThrows(ConfigError.class, () -> MergeNode.merged(down.then(new NetworkSpec.Layer("p2", "max-pool",
                List.of(8, 8, 8), 0)), c1, "merge", Mode.CONCAT));
        assertTrue(size.getMessage().contains("8×8×8") && size.getMessage().contains("16×16×4"), size.getMessage());
    }
}
