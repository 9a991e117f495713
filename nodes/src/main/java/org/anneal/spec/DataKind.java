package org.anneal.spec;

/**
 * What flows on a wire. Ports of different kinds cannot be connected; the editor colours ports by kind.
 */
public enum DataKind {
    TABLE("Table", "#4e79a7"),
    LEARNER("Learner", "#f28e2b"),
    MODEL("Model", "#e15759"),
    TRANSFORMER("Fitted transformer", "#76b7b2"),
    PREDICTIONS("Predictions", "#59a14f"),
    METRICS("Metrics", "#edc948"),
    LOSS("Loss", "#b07aa1"),
    OPTIMIZER("Optimizer", "#ff9da7"),
    NETWORK("Network", "#9c755f"),
    IMAGES("Images", "#bab0ac"),
    PLOT("Plot", "#86bcb6");

    private final String title;
    private final String colour;

    DataKind(String title, String colour) {
        this.title = title;
        this.colour = colour;
    }

    public String title() {
        return title;
    }

    /** Hex colour used for ports and wires of this kind. */
    public String colour() {
        return colour;
    }

    /**
     * Whether an output of kind {@code produced} may feed an input of this kind. Predictions are a table
     * (the input rows plus a prediction column), so any table input accepts them; nothing else converts.
     */
    public boolean accepts(DataKind produced) {
        return this == produced || (this == TABLE && produced == PREDICTIONS);
    }
}
