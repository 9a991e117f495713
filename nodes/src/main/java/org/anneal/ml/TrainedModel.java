package org.anneal.ml;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;

/** A fitted model: the value on a MODEL wire. Immutable; safe to share between threads. */
public interface TrainedModel {
    Task task();

    String target();

    List<String> features();

    String describe();

    /** One prediction per row of {@code data}, which must hold every feature column. */
    double[] predict(Table data);

    /** Learnt parameters worth showing (coefficients, intercept), in display order. */
    Map<String, Double> parameters();
}
