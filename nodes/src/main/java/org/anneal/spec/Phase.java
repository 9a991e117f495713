package org.anneal.spec;

/** CRISP-DM phase a node belongs to; groups the palette and colours the node header. */
public enum Phase {
    DATA("Data understanding", "#5b8def"),
    PREPARE("Data preparation", "#3bb273"),
    MODEL("Modeling", "#e8a33d"),
    EVALUATE("Evaluation", "#d1495b"),
    DEPLOY("Deployment", "#8c6bb1");

    private final String title;
    private final String colour;

    Phase(String title, String colour) {
        this.title = title;
        this.colour = colour;
    }

    public String title() {
        return title;
    }

    public String colour() {
        return colour;
    }
}
