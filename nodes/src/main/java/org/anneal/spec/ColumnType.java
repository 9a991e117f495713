package org.anneal.spec;

/** Storage type of a table column. */
public enum ColumnType {
    NUMERIC, CATEGORICAL;

    public String title() {
        return this == NUMERIC ? "number" : "category";
    }
}
