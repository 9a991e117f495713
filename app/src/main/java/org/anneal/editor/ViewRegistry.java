package org.anneal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what shows a value by the value's class: a map from value class to view, where the most specific
 * registered class wins (a registration for {@code Table} beats one for {@code Object}; one for a subclass beats
 * its superclass's). A new kind of value gets its view with one {@link #register} call instead of another branch
 * in an {@code instanceof} chain. When two unrelated registered types both match (two interfaces of one class),
 * the one registered first wins, so the outcome never depends on hash order. No JavaFX here: tested headless.
 *
 * @param <V> what is found (a view, a view factory)
 */
public final class ViewRegistry<V> {
    private final Map<Class<?>, V> views = new LinkedHashMap<>();

    /** Registers (or replaces) the view for values of {@code type} and its subtypes. */
    public ViewRegistry<V> register(Class<?> type, V view) {
        views.put(type, view);
        return this;
    }

    /** The view for a value of class {@code type}, or empty when no registered type matches. */
    public Optional<V> find(Class<?> type) {
        List<Class<?>> matching = new ArrayList<>();
        for (Class<?> k : views.keySet()) {
            if (k.isAssignableFrom(type)) {
                matching.add(k);
            }
        }
        for (Class<?> candidate : matching) { // registration order breaks ties between unrelated types
            boolean mostSpecific = matching.stream().allMatch(other -> other == candidate || !candidate.isAssignableFrom(other));
            if (mostSpecific) {
                return Optional.of(views.get(candidate));
            }
        }
        return Optional.empty();
    }
}
