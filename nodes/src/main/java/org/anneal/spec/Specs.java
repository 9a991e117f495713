package org.anneal.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Specs by port name: a node's input specs going into configure, or its output specs coming out. */
public final class Specs {
    private final Map<String, Spec> byPort;

    private Specs(Map<String, Spec> byPort) {
        this.byPort = Collections.unmodifiableMap(byPort);
    }

    public static Specs of(Map<String, Spec> byPort) {
        return new Specs(new LinkedHashMap<>(byPort));
    }

    public static Specs of(OutPort<?> p1, Spec s1) {
        return builder().put(p1, s1).build();
    }

    public static Specs of(OutPort<?> p1, Spec s1, OutPort<?> p2, Spec s2) {
        return builder().put(p1, s1).put(p2, s2).build();
    }

    public static Specs of(OutPort<?> p1, Spec s1, OutPort<?> p2, Spec s2, OutPort<?> p3, Spec s3) {
        return builder().put(p1, s1).put(p2, s2).put(p3, s3).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The table spec on an input; null only for an unconnected optional port. */
    public TableSpec table(InPort<?> port) {
        return (TableSpec) byPort.get(port.name());
    }

    /** The spec on an input; null only for an unconnected optional port. */
    public Spec value(InPort<?> port) {
        return byPort.get(port.name());
    }

    /** The learner spec on a LEARNER input; null only for an unconnected optional port. */
    public LearnerSpec learner(InPort<?> port) {
        return (LearnerSpec) byPort.get(port.name());
    }

    /** The model spec on a MODEL input; null only for an unconnected optional port. */
    public ModelSpec model(InPort<?> port) {
        return (ModelSpec) byPort.get(port.name());
    }

    /** The fitted-state spec on a TRANSFORMER input; null only for an unconnected optional port. */
    public TransformerSpec transformer(InPort<?> port) {
        return (TransformerSpec) byPort.get(port.name());
    }

    /** The loss spec on a LOSS input; null only for an unconnected optional port. */
    public LossSpec loss(InPort<?> port) {
        return (LossSpec) byPort.get(port.name());
    }

    public Spec get(String port) {
        return byPort.get(port);
    }

    public boolean has(InPort<?> port) {
        return byPort.containsKey(port.name());
    }

    public Map<String, Spec> asMap() {
        return byPort;
    }

    public static final class Builder {
        private final Map<String, Spec> map = new LinkedHashMap<>();

        public Builder put(OutPort<?> port, Spec spec) {
            map.put(port.name(), spec);
            return this;
        }

        public Builder put(String port, Spec spec) {
            map.put(port, spec);
            return this;
        }

        public Specs build() {
            return new Specs(map);
        }
    }
}
