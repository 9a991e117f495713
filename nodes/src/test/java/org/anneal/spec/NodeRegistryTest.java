package org.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard registry knows every type from its declaration and describes one when asked, the same as an eager one would. */
class NodeRegistryTest {
    @Test
    void describesOnDemandWhatAnEagerRegistryDescribesAtOnce() {
        NodeRegistry lazy = NodeRegistry.standard();
        List<Node<?>> instances = new ArrayList<>();
        for (@SuppressWarnings("rawtypes") Node n : java.util.ServiceLoader.load(Node.class)) {
            instances.add(n);
        }
        NodeRegistry eager = new NodeRegistry(instances);
        assertEquals(List.copyOf(eager.ids()), List.copyOf(lazy.ids()), "the same types, in the same (palette) order");
        NodeDescriptor csv = lazy.find("data.csv").orElseThrow();
        assertSame(csv, lazy.find("data.csv").orElseThrow(), "described once");
        assertEquals(eager.find("data.csv").orElseThrow().params().stream().map(ParamDescriptor::name).toList(),
                csv.params().stream().map(ParamDescriptor::name).toList());
        List<NodeDescriptor> all = List.copyOf(lazy.all());
        assertEquals(List.copyOf(lazy.ids()), all.stream().map(NodeDescriptor::id).toList());
        assertSame(csv, all.stream().filter(d -> d.id().equals("data.csv")).findFirst().orElseThrow(), "all() reuses what find() described");
        List<NodeDescriptor> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(NodeDescriptor::phase).thenComparing(NodeDescriptor::id));
        assertEquals(sorted, all, "by phase, then id");
        assertTrue(lazy.find("data.no-such-type").isEmpty());
    }

    @Test
    void twoTypesWithOneIdAreRefused() {
        Node<?> csv = NodeRegistry.standard().find("data.csv").orElseThrow().node();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NodeRegistry(List.of(csv, csv)));
        assertTrue(e.getMessage().contains("data.csv"), e.getMessage());
    }
}
