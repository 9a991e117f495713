package org.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A family of node types declares its ports and its params' place once, on a base class; every node type is registered. */
class NodeFamiliesTest {
    /** A family base: two ports, and {@code Node<P>} left to the member to bind. */
    abstract static class Family<P extends Record> implements Node<P> {
        static final InPort<Object> IN = InPort.of("in", DataKind.TABLE, Object.class, "Rows");
        static final OutPort<Object> OUT = OutPort.of("out", DataKind.TABLE, Object.class, "Rows, changed");

        @Override
        public Specs configure(Specs in, P params, ConfigContext ctx) {
            return Specs.of(OUT, in.table(IN));
        }

        @Override
        public Outputs execute(Inputs in, P params, ExecContext ctx) {
            return Outputs.of(OUT, in.get(IN));
        }
    }

    /** A generic middle layer that passes its own type variable on, as a family of families would. */
    abstract static class SubFamily<Q extends Record> extends Family<Q> {
    }

    @NodeType(id = "test.member", title = "Member", phase = Phase.PREPARE, role = LeakageRole.STATELESS, doc = "A member of the family.")
    static final class Member extends SubFamily<Member.Params> {
        record Params(@Param(doc = "How much", def = "3", min = 0, max = 9) int amount) {
        }

        static final InPort<Object> EXTRA = InPort.of("extra", DataKind.TABLE, Object.class, "More rows").optional();
        /** Re-exposing a base port under another field name must not add a second port. */
        static final InPort<Object> SAME = IN;
    }

    @Test
    void theDescriptorReadsPortsAndParamsThroughTheClassHierarchy() {
        NodeDescriptor d = NodeDescriptor.of(new Member());
        assertEquals(List.of("in", "extra"), d.inputs().stream().map(InPort::name).toList(), "base ports first, then the member's own");
        assertEquals(List.of("out"), d.outputs().stream().map(OutPort::name).toList());
        assertEquals(List.of("amount"), d.params().stream().map(ParamDescriptor::name).toList());
        assertEquals(new Member.Params(3), d.defaults());
    }

    @Test
    void everyNodeTypeClassIsRegisteredForTheServiceLoader() throws IOException, URISyntaxException {
        Set<String> registered = NodeRegistry.standard().all().stream().map(n -> n.node().getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>(nodeTypeClasses());
        assertTrue(declared.size() > 50, "the scan found the node library: " + declared.size());
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing, "@NodeType classes missing from META-INF/services/org.anneal.spec.Node");
    }

    /** Every concrete class under org.anneal.nodes of the main classes that carries @NodeType. */
    private static List<String> nodeTypeClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Node.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path nodes = root.resolve("org/anneal/nodes");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(nodes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, NodeFamiliesTest.class.getClassLoader());
                    if (c.isAnnotationPresent(NodeType.class) && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                        out.add(c.getName());
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return out;
    }
}
