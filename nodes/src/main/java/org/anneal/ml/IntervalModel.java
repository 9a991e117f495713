package org.anneal.ml;

import org.anneal.data.Table;

/**
 * A regression model that predicts an interval of its own, not only a standard deviation (quantile regression): the
 * scoring nodes write it as {@code <prediction>_low} and {@code <prediction>_high}, the columns conformal intervals
 * have, beside the {@code <prediction>_sd} a normal interval of the same width at the nominal level would need.
 */
public interface IntervalModel extends TrainedModel {
    /** The nominal share of true values the interval should hold (1 − α). */
    double intervalCoverage();

    /** {lower bounds, upper bounds}, one of each per row of {@code data}. */
    double[][] interval(Table data);
}
