package org.anneal.nn;

/**
 * The non-linearity a dense or convolutional layer applies. An enum parameter of the layer blocks: stored in workflow
 * files as {@code relu}, {@code leaky-relu}, … (the params descriptor derives the names).
 */
public enum Activation {
    RELU, LEAKY_RELU, ELU, TANH, SIGMOID, SOFTPLUS, IDENTITY
}
