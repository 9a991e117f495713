package org.anneal.nodes.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.anneal.ml.Learner;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.Node;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.ParamDescriptor;
import org.anneal.spec.Retunable;
import org.anneal.spec.LearnerSpec;

/**
 * Tunable hyperparameters, declared once as {@code @Param(tunable = true)}: the names a learner's spec offers to
 * tune nodes come from its node's descriptor, its value remakes itself through that descriptor
 * ({@link TunedLearner}), and a tune node checks the values it will try against the declared ranges at configure.
 */
public final class Hyperparameters {
    private static final Map<Class<?>, NodeDescriptor> DESCRIPTORS = new ConcurrentHashMap<>();

    private Hyperparameters() {
    }

    static NodeDescriptor descriptor(Node<?> node) {
        return DESCRIPTORS.computeIfAbsent(node.getClass(), c -> NodeDescriptor.of(node));
    }

    /** The node's tunable params, in declaration order. */
    public static List<String> of(Node<?> node) {
        return descriptor(node).tunables();
    }

    /** The learner {@code make} builds from {@code params}, remade through the node's descriptor when tuned. */
    public static <P extends Record> Learner learner(Node<P> node, P params, Function<P, Learner> make) {
        return new TunedLearner<>(new Retunable<>(descriptor(node), params, make));
    }

    /** {@code spec} noting that {@code node}'s tunable params are on offer (for the range checks of tune nodes). */
    public static LearnerSpec offeredBy(LearnerSpec spec, Node<?> node) {
        return spec.offeredBy(descriptor(node).id());
    }

    /** The declaration of a tunable param the learner offers; the last source wins, as a pipeline step shadows its learner. */
    static Optional<ParamDescriptor> declaration(LearnerSpec learner, String name) {
        List<String> ids = new ArrayList<>(learner.tunableSources());
        java.util.Collections.reverse(ids);
        for (String id : ids) {
            Optional<ParamDescriptor> p = NodeRegistry.standard().find(id).flatMap(d -> d.param(name)).filter(ParamDescriptor::tunable);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a value to try that the param's declaration would refuse in a file, at the tune node's param that
     * lists it; whole-number params take values rounded, as tuning will.
     */
    public static void checkRange(LearnerSpec learner, String name, double[] values, String valuesParam) throws ConfigError {
        Optional<ParamDescriptor> p = declaration(learner, name);
        if (p.isEmpty()) {
            return;
        }
        for (double v : values) {
            try {
                p.get().tuned(v);
            } catch (ParamDescriptor.Invalid e) {
                throw ConfigError.atParam(valuesParam, "A value to try is out of range: " + e.getMessage(),
                        e.fix() + " The learner's declaration of '" + name + "' holds in tuning too.");
            }
        }
    }
}
