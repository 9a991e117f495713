package org.anneal.spec;

import java.util.Locale;

/** How cross-validation assigns rows to folds. */
public enum FoldStrategy {
    RANDOM, STRATIFIED, GROUP, CONTIGUOUS, LEAVE_ONE_OUT;

    /** The name used in parameters and messages, e.g. "leave-one-out". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The strategy a parameter names; the parameter's choices keep the names valid. */
    public static FoldStrategy of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
