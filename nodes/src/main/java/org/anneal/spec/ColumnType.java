package org.anneal.spec;

/** Storage type of a table column. */
public enum ColumnType {
    NUMERIC, CATEGORICAL,
    /** One tensor per row (an image, a spectrum, a signal window); its {@link Shape} is on the {@link ColumnSpec}. */
    TENSOR;

    public String title() {
        return switch (this) {
            case NUMERIC -> "number";
            case CATEGORICAL -> "category";
            case TENSOR -> "tensor";
        };
    }
}
