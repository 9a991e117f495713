package org.anneal.graph;

import java.util.Objects;

/**
 * Something wrong with a workflow, stated for a student: what is wrong, where (node, port, parameter,
 * file location) and how to fix it. Validation, loading and execution all report these.
 *
 * @param code stable id such as {@code wire.kind-mismatch}, for tests and documentation
 */
public record Problem(Severity severity, String code, String message, String fix,
                      String nodeId, String port, String param, Location location) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        fix = fix == null ? "" : fix;
    }

    public static Problem error(String code, String message, String fix) {
        return new Problem(Severity.ERROR, code, message, fix, null, null, null, null);
    }

    public static Problem warning(String code, String message, String fix) {
        return new Problem(Severity.WARNING, code, message, fix, null, null, null, null);
    }

    public Problem atNode(String node) {
        return new Problem(severity, code, message, fix, node, port, param, location);
    }

    public Problem atPort(String node, String p) {
        return new Problem(severity, code, message, fix, node, p, param, location);
    }

    public Problem atParam(String node, String p) {
        return new Problem(severity, code, message, fix, node, port, p, location);
    }

    public Problem at(Location l) {
        return new Problem(severity, code, message, fix, nodeId, port, param, l);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for a terminal: {@code ERROR file:3:5 (at /nodes/1) [node split] message  Fix: ...}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(severity.name());
        if (location != null) {
            sb.append(' ').append(location);
        }
        if (nodeId != null) {
            sb.append(" [node '").append(nodeId).append('\'');
            if (port != null) {
                sb.append(", port '").append(port).append('\'');
            }
            if (param != null && !param.isEmpty()) {
                sb.append(", parameter '").append(param).append('\'');
            }
            sb.append(']');
        }
        sb.append(' ').append(message);
        if (!fix.isEmpty()) {
            sb.append("\n    Fix: ").append(fix);
        }
        return sb.toString();
    }
}
