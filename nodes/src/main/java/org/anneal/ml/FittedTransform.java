package org.anneal.ml;

import org.anneal.data.Table;

/**
 * State learnt by a preparation step (means and scales, category lists): the value on a TRANSFORMER
 * wire. Applying it never learns anything new, which is what keeps test rows out of fitting.
 */
public interface FittedTransform {
    String describe();

    /** The columns it reads and writes; an apply node checks them at configure time. */
    java.util.List<String> columns();

    Table apply(Table data);
}
