package org.anneal.ml;

import org.anneal.spec.Task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named scores from an evaluation: the value on a METRICS wire. Ordered as they should be shown.
 *
 * @param rows number of rows the scores were computed on
 */
public record Metrics(Task task, Map<String, Double> values, int rows) {
    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + name + " in " + values.keySet());
        }
        return v;
    }
}
