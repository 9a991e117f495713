package org.anneal.spec;

/** Implemented by the {@code Params} of a time split: the time after the last training row within which test rows are dropped. */
public interface TimeGap {
    double gap();
}
