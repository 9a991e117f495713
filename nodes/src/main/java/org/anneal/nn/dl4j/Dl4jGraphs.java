package org.anneal.nn.dl4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.anneal.nn.LayerDef;
import org.anneal.nn.MergeLayer;
import org.anneal.nn.Network;
import org.anneal.nn.Shape;
import org.anneal.spec.ConfigError;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A network with branches ({@link MergeLayer}) as the vertices of a DL4J {@code ComputationGraph}. Chains stay
 * {@code MultiLayerNetwork}s ({@link Dl4jTrainer}), so every existing network trains exactly as before; only a network
 * that merges, or segments images pixel by pixel, becomes a graph. Both branches of a merge carry the same upstream
 * layer objects, so a layer met twice after the same vertex is one vertex (one set of weights), met once per path.
 * Building the builder loads no native code.
 */
public final class Dl4jGraphs {
    /** The name of the graph's input vertex. */
    public static final String INPUT = "input";

    private Dl4jGraphs() {
    }

    /** Whether {@code network} needs a graph: it merges branches. */
    public static boolean isGraph(Network network) {
        return network.layers().stream().anyMatch(MergeLayer.class::isInstance);
    }

    /** DL4J's vertex for a merge: stacking along dimension 1 (channels, channels-first) or an element-wise sum. */
    public static GraphVertex vertex(MergeLayer.Mode mode) {
        return mode == MergeLayer.Mode.CONCAT ? new MergeVertex() : new ElementWiseVertex(ElementWiseVertex.Op.Add);
    }

    /**
     * One Anneal layer placed in the graph.
     *
     * @param vertex the graph vertex that computes it; the vertex before it when it changes nothing (a flatten of a vector)
     */
    public record Placed(LayerDef def, String vertex, Shape in, Shape out) {
    }

    /** What {@link #addLayers} added: every placed layer in the order added, and the vertex that gives the network's output. */
    public record Added(List<Placed> placed, String output) {
    }

    /** Adds the layers of {@code network} after the vertex {@value #INPUT} to {@code graph}. */
    public static Added addLayers(ComputationGraphConfiguration.GraphBuilder graph, Network network) {
        Walk walk = new Walk(graph);
        String out = walk.chain(network);
        return new Added(List.copyOf(walk.placed), out);
    }

    /** Names vertices L0, L1, … in the order added; remembers which vertex each (layer, vertex before it) became. */
    private static final class Walk {
        private final ComputationGraphConfiguration.GraphBuilder graph;
        private final Map<LayerDef, Map<String, String>> made = new IdentityHashMap<>();
        private final List<Placed> placed = new ArrayList<>();
        private int next;

        Walk(ComputationGraphConfiguration.GraphBuilder graph) {
            this.graph = graph;
        }

        String chain(Network network) {
            String prev = INPUT;
            Shape shape = network.input();
            for (LayerDef def : network.layers()) {
                Shape out = shapeAfter(def, shape);
                Map<String, String> after = made.computeIfAbsent(def, d -> new HashMap<>());
                String vertex = after.get(prev);
                if (vertex == null) {
                    vertex = add(def, prev, shape);
                    after.put(prev, vertex);
                    placed.add(new Placed(def, vertex, shape, out));
                }
                prev = vertex;
                shape = out;
            }
            return prev;
        }

        private String add(LayerDef def, String prev, Shape shape) {
            if (def instanceof MergeLayer merge) {
                String other = chain(merge.branch());
                String name = "L" + next++;
                graph.addVertex(name, vertex(merge.mode()), prev, other);
                return name;
            }
            Object made = def.dl4j(shape);
            if (made == null) {
                return prev;
            }
            String name = "L" + next++;
            if (made instanceof Layer layer) {
                graph.addLayer(name, layer, prev);
            } else if (made instanceof InputPreProcessor reshape) {
                graph.addVertex(name, new PreprocessorVertex(reshape), prev);
            } else {
                throw new IllegalStateException(def.kind() + " made " + made.getClass().getName() + ", neither a DL4J layer nor a preprocessor");
            }
            return name;
        }

        private static Shape shapeAfter(LayerDef def, Shape in) {
            try {
                return def.outputShape(in);
            } catch (ConfigError e) {
                throw new IllegalArgumentException("configure accepted a network whose shapes do not fit: " + e.getMessage(), e);
            }
        }
    }
}
