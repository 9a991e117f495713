package org.anneal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.anneal.spec.Task;
import org.anneal.spec.ConfigError;
import org.anneal.spec.NetworkSpec;

/**
 * The value on a NETWORK wire at run time: which columns feed the network and its layers, as backend-neutral
 * records. Immutable; a layer block returns a longer copy. Only {@code model.network}'s learner turns it into a DL4J
 * configuration, when it trains.
 *
 * @param target the target column of the table the input block read; empty when it had none
 * @param task   what that target asks for (regression for numbers, classification for categories); null without a target
 */
public record Network(List<String> inputColumns, Shape input, String target, Task task, List<LayerDef> layers) {
    public Network {
        inputColumns = List.copyOf(inputColumns);
        Objects.requireNonNull(input);
        Objects.requireNonNull(target);
        layers = List.copyOf(layers);
    }

    public Network then(LayerDef layer) {
        List<LayerDef> more = new ArrayList<>(layers);
        more.add(layer);
        return new Network(inputColumns, input, target, task, more);
    }

    /** The shape after each layer, in order; the last is the network's output. */
    public List<Shape> shapes() {
        List<Shape> out = new ArrayList<>();
        Shape s = input;
        for (LayerDef l : layers) {
            try {
                s = l.outputShape(s);
            } catch (ConfigError e) {
                throw new IllegalStateException("configure accepted a network whose shapes do not fit: " + e.getMessage(), e);
            }
            out.add(s);
        }
        return out;
    }

    public Shape output() {
        List<Shape> s = shapes();
        return s.isEmpty() ? input : s.get(s.size() - 1);
    }

    /** The spec a layer block puts on its output: {@code spec} with {@code layer} appended, its shape and parameters computed. */
    public static NetworkSpec append(NetworkSpec spec, String node, LayerDef layer) throws ConfigError {
        Shape in = new Shape(spec.outputShape());
        Shape out = layer.outputShape(in);
        for (int d : out.dims()) {
            if (d <= 0) {
                throw ConfigError.of("This layer would shrink its input " + in.text() + " to " + out.text() + ": nothing left.",
                        "Use smaller kernels or strides before it.");
            }
        }
        return spec.then(new NetworkSpec.Layer(node, layer.kind(), out.dims(), layer.params(in)));
    }
}
