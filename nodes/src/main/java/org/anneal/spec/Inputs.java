package org.anneal.spec;

import java.util.Map;

/** Input values by port name, as handed to {@link Node#execute}. */
public final class Inputs {
    private final Map<String, Object> values;

    public Inputs(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** The value on a port; null only for an unconnected optional port. */
    public <T> T get(InPort<T> port) {
        Object v = values.get(port.name());
        return v == null ? null : port.type().cast(v);
    }

    public boolean has(InPort<?> port) {
        return values.containsKey(port.name());
    }
}
