package org.anneal.nn;

import java.util.Locale;

/** The non-linearity a dense or convolutional layer applies; named as the node parameter stores it. */
public enum Activation {
    RELU, LEAKY_RELU, ELU, TANH, SIGMOID, SOFTPLUS, IDENTITY;

    /** The stored name: {@code relu}, {@code leaky-relu}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Activation of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
