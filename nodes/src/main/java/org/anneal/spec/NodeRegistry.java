package org.anneal.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** All node types known to this build, found with {@link ServiceLoader} and described once. */
public final class NodeRegistry {
    private static volatile NodeRegistry standard;
    private final Map<String, NodeDescriptor> byId;

    public NodeRegistry(Collection<? extends Node<?>> nodes) {
        Map<String, NodeDescriptor> map = new LinkedHashMap<>();
        List<NodeDescriptor> sorted = new ArrayList<>(nodes.stream().map(NodeDescriptor::of).toList());
        sorted.sort(Comparator.comparing(NodeDescriptor::phase).thenComparing(NodeDescriptor::id));
        for (NodeDescriptor d : sorted) {
            if (map.put(d.id(), d) != null) {
                throw new IllegalStateException("two node types share the id " + d.id());
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** Every node type on the class path. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static NodeRegistry standard() {
        NodeRegistry r = standard;
        if (r == null) {
            synchronized (NodeRegistry.class) {
                if (standard == null) {
                    List<Node<?>> nodes = new ArrayList<>();
                    for (Node n : ServiceLoader.load(Node.class, NodeRegistry.class.getClassLoader())) {
                        nodes.add(n);
                    }
                    standard = new NodeRegistry(nodes);
                }
                r = standard;
            }
        }
        return r;
    }

    public Optional<NodeDescriptor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<NodeDescriptor> all() {
        return byId.values();
    }

    public Collection<String> ids() {
        return byId.keySet();
    }
}
