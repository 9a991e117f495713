package org.anneal.device;

/**
 * The compute device a run uses, and why: shown in the status bar and written into results provenance.
 *
 * @param name      {@code cpu} or {@code gpu}
 * @param requested what the workflow asked for ({@code auto}, {@code cpu} or {@code gpu})
 * @param backend   the ND4J backend that serves it
 * @param reason    one sentence; says why when the run did not get what it asked for
 */
public record Device(String name, String requested, String backend, String reason) {
    public boolean isFallback() {
        return requested.equals("gpu") && !name.equals("gpu");
    }

    public String describe() {
        return name.toUpperCase(java.util.Locale.ROOT) + " (" + backend + ")" + (reason.isEmpty() ? "" : " - " + reason);
    }
}
