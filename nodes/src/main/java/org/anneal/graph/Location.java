package org.anneal.graph;

/**
 * Where in a workflow file something is: a JSON pointer, and the line and column when the text is known
 * (0 when not). Printed as {@code file:line:column (pointer)} so editors can jump there.
 */
public record Location(String file, String pointer, int line, int column) {
    public static Location of(String pointer) {
        return new Location("", pointer, 0, 0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) {
            sb.append(file);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ":" : "line ").append(line).append(':').append(column);
        }
        if (!pointer.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append("(at ").append(pointer).append(')');
        }
        return sb.toString();
    }
}
