package org.anneal.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Output values by port name, as returned by {@link Node#execute}. */
public final class Outputs {
    private final Map<String, Object> values;

    private Outputs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static <A> Outputs of(OutPort<A> p1, A v1) {
        return builder().put(p1, v1).build();
    }

    public static <A, B> Outputs of(OutPort<A> p1, A v1, OutPort<B> p2, B v2) {
        return builder().put(p1, v1).put(p2, v2).build();
    }

    public static <A, B, C> Outputs of(OutPort<A> p1, A v1, OutPort<B> p2, B v2, OutPort<C> p3, C v3) {
        return builder().put(p1, v1).put(p2, v2).put(p3, v3).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Object get(String port) {
        return values.get(port);
    }

    public <T> T get(OutPort<T> port) {
        return port.type().cast(values.get(port.name()));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public static final class Builder {
        private final Map<String, Object> map = new LinkedHashMap<>();

        public <T> Builder put(OutPort<T> port, T value) {
            map.put(port.name(), value);
            return this;
        }

        public Outputs build() {
            return new Outputs(map);
        }
    }
}
