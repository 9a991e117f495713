package org.anneal.ml;

/**
 * A value whose use runs native, multi-threaded code on the device, such as a network learner: whichever node is
 * handed one (train.fit, cross-validation, tuning) runs alone, like a node declared {@code usesDevice}, because the
 * heavy work happens where the value is used, not where it was made.
 */
public interface NativeWork {
}
