package org.anneal.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What configure knows about a network on a NETWORK wire: which columns feed it, their shape, the target of the table
 * the input block read (for the output head), and every layer so far with its output shape and parameter count.
 * Shapes are lists of sizes in the tensor-column convention: {@code [n]} features, {@code [time, channels]} a
 * sequence, {@code [height, width, channels]} an image. Backend-neutral on purpose: the editor and the leakage
 * analysis read it without loading any native code.
 *
 * @param inputColumns the columns the network reads, in order
 * @param inputShape   shape of one sample at the input
 * @param target       the target column of the table the input block read, or null when that table has none
 * @param layers       the layers in order, input first excluded
 */
public record NetworkSpec(List<String> inputColumns, List<Integer> inputShape, ColumnSpec target, List<Layer> layers, Lineage lineage)
        implements Spec {

    /**
     * One layer as the canvas shows it.
     *
     * @param node        id of the block that added it
     * @param kind        e.g. {@code dense}, {@code conv2d}
     * @param outputShape shape of one sample after this layer
     * @param params      trainable and running parameters it holds (as DL4J counts them)
     */
    public record Layer(String node, String kind, List<Integer> outputShape, long params) {
        public Layer {
            Objects.requireNonNull(node);
            Objects.requireNonNull(kind);
            outputShape = List.copyOf(outputShape);
        }
    }

    public NetworkSpec {
        inputColumns = List.copyOf(inputColumns);
        inputShape = List.copyOf(inputShape);
        layers = List.copyOf(layers);
        Objects.requireNonNull(lineage);
    }

    /** A network of no layers yet, as the input block makes it. */
    public static NetworkSpec input(List<String> columns, List<Integer> shape, ColumnSpec target) {
        return new NetworkSpec(columns, shape, target, List.of(), Lineage.UNSPLIT);
    }

    @Override
    public DataKind kind() {
        return DataKind.NETWORK;
    }

    /** Shape of one sample leaving the last layer (the input shape when there are no layers). */
    public List<Integer> outputShape() {
        return layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
    }

    public long totalParams() {
        return layers.stream().mapToLong(Layer::params).sum();
    }

    /** This network with one more layer at the end. */
    public NetworkSpec then(Layer layer) {
        List<Layer> more = new ArrayList<>(layers);
        more.add(layer);
        return new NetworkSpec(inputColumns, inputShape, target, more, lineage);
    }

    /** {@code 30×30×8}. */
    public static String shapeText(List<Integer> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining("×"));
    }

    /** What a block shows under its title: {@code → 64 · 4,160 params} for the last layer; the input block only its shape. */
    public String summary() {
        if (layers.isEmpty()) {
            return "→ " + shapeText(outputShape());
        }
        long last = layers.get(layers.size() - 1).params();
        return "→ " + shapeText(outputShape()) + " · " + String.format(Locale.ROOT, "%,d", last) + " params";
    }

    /** The whole network, as the block that takes it shows it: {@code 3 layers · 12,353 params} (the output head not counted). */
    public String totalSummary() {
        return layers.size() + " layer" + (layers.size() == 1 ? "" : "s") + " · " + String.format(Locale.ROOT, "%,d", totalParams())
                + " params";
    }
}
