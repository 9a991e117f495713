package org.anneal.nodes.split;

import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;

/** The output specs every two-way split shares: the same columns, lineage marked train or test of this split. */
final class SplitSpecs {
    private SplitSpecs() {
    }

    static Specs trainAndTest(TableSpec t, String splitNode) {
        return Specs.builder()
                .put("train", side(t, splitNode, Partition.Side.TRAIN))
                .put("test", side(t, splitNode, Partition.Side.TEST)).build();
    }

    static TableSpec side(TableSpec t, String splitNode, Partition.Side side) {
        return t.withLineage(t.lineage().withPartition(Partition.of(splitNode, side)));
    }
}
