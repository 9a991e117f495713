package org.anneal.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * All node types known to this build, found with {@link ServiceLoader} and described once. The standard registry
 * reads only each type's {@link NodeType} at first and describes a type (instance, ports, params) when it is first
 * asked for: {@code anneal run} of a seven-node workflow then describes seven of the ~190 types, which took a tenth of
 * a second of its start-up (bench/leakage-bench.sh); the palette, {@code anneal nodes} and the docs ask for all.
 */
public final class NodeRegistry {
    private static volatile NodeRegistry standard;
    /** In palette order: by phase, then id. */
    private final Map<String, Entry> byId;
    private volatile List<NodeDescriptor> all;

    /** A registry of these nodes, each described at once (a declaration error fails here). */
    public NodeRegistry(Collection<? extends Node<?>> nodes) {
        this(nodes.stream().map(n -> Entry.described(NodeDescriptor.of(n))).toList());
    }

    private NodeRegistry(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((Entry e) -> e.decl.phase()).thenComparing(e -> e.decl.id()));
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : sorted) {
            if (map.put(e.decl.id(), e) != null) {
                throw new IllegalStateException("two node types share the id " + e.decl.id());
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** Every node type on the class path, each described when first asked for. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static NodeRegistry standard() {
        NodeRegistry r = standard;
        if (r == null) {
            synchronized (NodeRegistry.class) {
                if (standard == null) {
                    List<Entry> entries = new ArrayList<>();
                    // Provider.type() loads the class without running its initialiser or constructor
                    for (ServiceLoader.Provider<Node> p : ServiceLoader.load(Node.class, NodeRegistry.class.getClassLoader()).stream().toList()) {
                        NodeType decl = p.type().getAnnotation(NodeType.class);
                        if (decl == null) {
                            throw new IllegalArgumentException(p.type().getName() + " lacks @NodeType");
                        }
                        entries.add(new Entry(decl, (Supplier<Node<?>>) (Supplier) p));
                    }
                    standard = new NodeRegistry(entries);
                }
                r = standard;
            }
        }
        return r;
    }

    public Optional<NodeDescriptor> find(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.descriptor());
    }

    public Collection<NodeDescriptor> all() {
        List<NodeDescriptor> a = all;
        if (a == null) {
            a = byId.values().stream().map(Entry::descriptor).toList();
            all = a;
        }
        return a;
    }

    public Collection<String> ids() {
        return byId.keySet();
    }

    /** One node type: its declaration, and its descriptor once made. */
    private static final class Entry {
        final NodeType decl;
        private final Supplier<Node<?>> node;
        private volatile NodeDescriptor descriptor;

        Entry(NodeType decl, Supplier<Node<?>> node) {
            this.decl = decl;
            this.node = node;
        }

        static Entry described(NodeDescriptor d) {
            Entry e = new Entry(d.node().getClass().getAnnotation(NodeType.class), null);
            e.descriptor = d;
            return e;
        }

        NodeDescriptor descriptor() {
            NodeDescriptor d = descriptor;
            if (d == null) {
                synchronized (this) {
                    d = descriptor;
                    if (d == null) {
                        d = NodeDescriptor.of(node.get());
                        descriptor = d;
                    }
                }
            }
            return d;
        }
    }
}
