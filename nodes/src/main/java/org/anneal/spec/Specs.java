package org.anneal.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Specs by port name: a node's input specs going into configure, or its output specs coming out. Output specs may
 * also carry the node's <em>plan</em> ({@link #withPlan}): what configure resolved (column lists, a parsed formula)
 * so that execute reads it through {@link Inputs#plan} instead of deciding it a second time.
 */
public final class Specs {
    private final Map<String, Spec> byPort;
    private final Record plan;
    private final Map<String, RunTimeColumns> decidedAtRunTime;

    /**
     * How a table's columns may differ from the spec because they depend on the data, not on specs: class
     * probabilities are named after the classes found, a feature selection keeps the columns that score best.
     */
    public enum RunTimeColumns {
        /** The promised columns come first, then columns named after values in the data. */
        APPENDED,
        /** Some of the promised columns, in their order: which ones the data decides. */
        SUBSET
    }

    private Specs(Map<String, Spec> byPort) {
        this(byPort, null, Map.of());
    }

    private Specs(Map<String, Spec> byPort, Record plan, Map<String, RunTimeColumns> decidedAtRunTime) {
        this.byPort = Collections.unmodifiableMap(byPort);
        this.plan = plan;
        this.decidedAtRunTime = Map.copyOf(decidedAtRunTime);
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

    /** These specs plus what configure resolved on the way, for execute (one plan record per node). */
    public Specs withPlan(Record resolved) {
        return new Specs(byPort, resolved, decidedAtRunTime);
    }

    /** Declares that the table on {@code port} has columns only the data decides (checked against the spec accordingly). */
    public Specs withRunTimeColumns(OutPort<?> port, RunTimeColumns how) {
        Map<String, RunTimeColumns> m = new LinkedHashMap<>(decidedAtRunTime);
        m.put(port.name(), how);
        return new Specs(byPort, plan, m);
    }

    /** How the data may change the columns on a port; empty when the spec names them all. */
    public Optional<RunTimeColumns> runTimeColumns(String port) {
        return Optional.ofNullable(decidedAtRunTime.get(port));
    }

    /** The plan of the given type, if configure left one. */
    public <T extends Record> Optional<T> plan(Class<T> type) {
        return type.isInstance(plan) ? Optional.of(type.cast(plan)) : Optional.empty();
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
