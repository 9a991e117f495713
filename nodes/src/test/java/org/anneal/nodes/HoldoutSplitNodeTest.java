package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.split.HoldoutSplitNode;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.Lineage;
import org.junit.jupiter.api.Test;

class HoldoutSplitNodeTest {
    final HoldoutSplitNode node = new HoldoutSplitNode();

    Outputs split(Table t, double test, boolean stratify, long seed) {
        return node.execute(Fixtures.inputs(Map.of("table", t)), new HoldoutSplitNode.Params(test, stratify, true),
                new StandaloneContext("split", seed, java.nio.file.Path.of(".")));
    }

    @Test
    void partitionsEveryRowExactlyOnceInTheRequestedProportion() {
        Table t = Fixtures.classes(100);
        Outputs o = split(t, 0.2, false, 1);
        Table train = (Table) o.get("train");
        Table test = (Table) o.get("test");
        assertEquals(80, train.rowCount());
        assertEquals(20, test.rowCount());
        double[] all = DoubleStream.concat(Arrays.stream(train.numeric("x").values()), Arrays.stream(test.numeric("x").values())).sorted().toArray();
        assertEquals(DoubleStream.iterate(0, i -> i + 1).limit(100).boxed().toList(), Arrays.stream(all).boxed().toList());
    }

    @Test
    void isReproducibleFromTheSeedAndChangesWithIt() {
        Table t = Fixtures.classes(100);
        double[] a = ((Table) split(t, 0.2, false, 7).get("test")).numeric("x").values();
        double[] b = ((Table) split(t, 0.2, false, 7).get("test")).numeric("x").values();
        double[] c = ((Table) split(t, 0.2, false, 8).get("test")).numeric("x").values();
        assertEquals(Arrays.toString(a), Arrays.toString(b));
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    @Test
    void stratifyKeepsTheRareClassShareOnBothSides() {
        Table test = (Table) split(Fixtures.classes(100), 0.3, true, 3).get("test");
        CategoricalColumn cls = (CategoricalColumn) test.column("class").orElseThrow();
        long rare = Arrays.stream(cls.codes()).filter(c -> c == 1).count();
        assertEquals(30, test.rowCount());
        assertEquals(6, rare); // 20 % of 30
    }

    @Test
    void configureLabelsTheSidesWithThisSplit() throws Exception {
        TableSpec in = Fixtures.classes(10).spec(Lineage.UNSPLIT);
        Specs out = node.configure(Specs.of(Map.of("table", in)), new HoldoutSplitNode.Params(0.2, false, true), TestCtx.of("s1"));
        assertEquals(Partition.of("s1", Partition.Side.TRAIN), out.get("train").lineage().partition());
        assertEquals(Partition.of("s1", Partition.Side.TEST), out.get("test").lineage().partition());
    }

    @Test
    void refusesTablesTooSmallToSplit() {
        Table one = Fixtures.classes(1);
        assertThrows(NodeFailure.class, () -> split(one, 0.2, false, 1));
    }

    @Test
    void paramsAreValidatedFromTheDeclaration() {
        var d = NodeDescriptor.of(node);
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("test", 1.5);
        assertEquals("'test' is 1.5 but must be between 0.01 and 0.99.", d.bind(json).issues().get(0).message());
    }
}
