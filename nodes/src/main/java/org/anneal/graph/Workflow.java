package org.anneal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow: nodes, wires and settings, immutable. Edits return a new workflow, which makes undo a
 * matter of keeping the old one.
 *
 * @param blocks optional top-level blocks kept verbatim ({@code puzzle}, {@code expect}, {@code handin})
 */
public record Workflow(Meta meta, List<NodeInstance> nodes, List<Link> links, Map<String, JsonNode> blocks) {
    /** The file format version this build writes. */
    public static final int FORMAT_VERSION = 1;
    public static final String FORMAT = "anneal-workflow";

    public Workflow {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        blocks.forEach((k, v) -> copy.put(k, v.deepCopy()));
        blocks = Collections.unmodifiableMap(copy);
    }

    public static Workflow empty() {
        return new Workflow(Meta.defaults(), List.of(), List.of(), Map.of());
    }

    public Optional<NodeInstance> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<JsonNode> block(String name) {
        return Optional.ofNullable(blocks.get(name)).map(JsonNode::deepCopy);
    }

    public Workflow withMeta(Meta m) {
        return new Workflow(m, nodes, links, blocks);
    }

    public Workflow withNode(NodeInstance n) {
        List<NodeInstance> list = new ArrayList<>();
        boolean replaced = false;
        for (NodeInstance old : nodes) {
            if (old.id().equals(n.id())) {
                list.add(n);
                replaced = true;
            } else {
                list.add(old);
            }
        }
        if (!replaced) {
            list.add(n);
        }
        return new Workflow(meta, list, links, blocks);
    }

    public Workflow withoutNode(String id) {
        return new Workflow(meta, nodes.stream().filter(n -> !n.id().equals(id)).toList(),
                links.stream().filter(l -> !l.from().node().equals(id) && !l.to().node().equals(id)).toList(), blocks);
    }

    public Workflow withLink(Link l) {
        List<Link> list = new ArrayList<>(links);
        list.add(l);
        return new Workflow(meta, nodes, list, blocks);
    }

    public Workflow withoutLink(Link l) {
        return new Workflow(meta, nodes, links.stream().filter(x -> !x.equals(l)).toList(), blocks);
    }

    public Workflow withBlock(String name, JsonNode value) {
        Map<String, JsonNode> b = new LinkedHashMap<>(blocks);
        if (value == null) {
            b.remove(name);
        } else {
            b.put(name, value);
        }
        return new Workflow(meta, nodes, links, b);
    }

    /** The wires that end at {@code node}. */
    public List<Link> linksInto(String node) {
        return links.stream().filter(l -> l.to().node().equals(node)).toList();
    }
}
