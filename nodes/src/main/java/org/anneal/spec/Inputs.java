package org.anneal.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input values by port name, as handed to {@link Node#execute}, with the output specs configure promised for them. */
public final class Inputs {
    private final Map<String, Object> values;
    private final Specs configured;

    /** Inputs outside a run: nothing was configured for them (a pipeline step, a test, a benchmark). */
    public Inputs(Map<String, Object> values) {
        this(values, null);
    }

    /**
     * @param configured the output specs (and plan) configure returned for this node on the specs of these values;
     *                   null when the node runs outside the executor
     */
    public Inputs(Map<String, Object> values, Specs configured) {
        this.values = Map.copyOf(values);
        this.configured = configured;
    }

    /** The value on a port; null only for an unconnected optional port. */
    public <T> T get(InPort<T> port) {
        Object v = values.get(port.name());
        return v == null ? null : port.type().cast(v);
    }

    public boolean has(InPort<?> port) {
        return values.containsKey(port.name());
    }

    /** The output specs configure promised, or null outside a run. */
    public Specs configured() {
        return configured;
    }

    /**
     * What {@code node}'s configure resolved ({@link Specs#withPlan}). In a run the executor hands over the plan made
     * at validation; outside one (a pipeline step, a test) the node is configured here on the specs of its input
     * values, so execute has one path either way and never repeats configure's decisions by hand.
     *
     * @throws NodeFailure when configuring on the values fails (the same message configure gives in the editor)
     */
    public <P extends Record, T extends Record> T plan(Class<T> type, Node<P> node, P params, ConfigContext ctx) {
        Specs specs = configured;
        if (specs == null) {
            Map<String, Spec> in = new LinkedHashMap<>();
            values.forEach((port, v) -> {
                if (v instanceof SpecSource s) {
                    in.put(port, s.spec(Lineage.UNSPLIT));
                }
            });
            try {
                specs = node.configure(Specs.of(in), params, ctx);
            } catch (ConfigError e) {
                throw new NodeFailure(e.getMessage(), e.fix());
            }
        }
        return specs.plan(type).orElseThrow(() -> new IllegalStateException(node.getClass().getSimpleName()
                + ".configure left no " + type.getSimpleName() + " for execute (Specs.withPlan)"));
    }
}
