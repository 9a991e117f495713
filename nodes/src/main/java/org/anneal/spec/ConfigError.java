package org.anneal.spec;

/**
 * A node cannot be configured with these inputs and params. The message says what is wrong in the
 * student's terms; {@code fix} says what to do about it. Never carries a stack trace to the user.
 */
public final class ConfigError extends Exception {
    private final String fix;
    private final String param;
    private final String port;

    private ConfigError(String message, String fix, String param, String port) {
        super(message, null, false, false);
        this.fix = fix == null ? "" : fix;
        this.param = param;
        this.port = port;
    }

    public static ConfigError of(String message, String fix) {
        return new ConfigError(message, fix, null, null);
    }

    public static ConfigError atParam(String param, String message, String fix) {
        return new ConfigError(message, fix, param, null);
    }

    public static ConfigError atPort(String port, String message, String fix) {
        return new ConfigError(message, fix, null, port);
    }

    public String fix() {
        return fix;
    }

    /** The parameter at fault, or null. */
    public String param() {
        return param;
    }

    /** The input port at fault, or null. */
    public String port() {
        return port;
    }
}
