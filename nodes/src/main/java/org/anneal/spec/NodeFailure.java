package org.anneal.spec;

/** A problem during execute that the user can fix (bad cell in a CSV, singular system, ...). */
public class NodeFailure extends RuntimeException {
    private final String fix;

    public NodeFailure(String message, String fix) {
        super(message, null, false, false);
        this.fix = fix == null ? "" : fix;
    }

    public String fix() {
        return fix;
    }
}
