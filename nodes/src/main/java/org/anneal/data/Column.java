package org.anneal.data;

import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;

/**
 * One immutable column. Arrays are shared between tables for speed and must never be written to after
 * construction; every operation that changes values builds a new column.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TensorColumn {
    String name();

    ColumnRole role();

    ColumnType type();

    /** Physical unit from the source ("°C"), or "" when unknown or dimensionless. */
    String unit();

    int size();

    boolean isMissing(int row);

    /** The same values under another role. */
    Column withRole(ColumnRole role);

    /** The same values under another name. */
    Column renamed(String name);

    /** The rows at {@code index}, in that order (repeats allowed). */
    Column rows(int[] index);

    /** A cell as text, for viewers and error messages ("" when missing); for a tensor, only a short summary. */
    String text(int row);

    /**
     * A cell's identity, for telling equal cells apart from different ones (removing duplicate rows, D1's exact copies
     * across a split): equal cells give equal keys and different cells different ones. The text for numbers and categories;
     * a hash of the values for a tensor, whose text is only a summary.
     */
    default String key(int row) {
        return text(row);
    }

    default ColumnSpec spec() {
        return new ColumnSpec(name(), type(), role(), unit());
    }

    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }
}
