package org.anneal.spec;

/** How a parameter is stored in JSON and offered in the editor. */
public enum ParamType {
    REAL, INTEGER, BOOLEAN, TEXT, CHOICE, COLUMN, COLUMNS, TEXT_LIST, PATH,
    /** {@code List<Integer>}: a kernel {@code [3, 3]}, layer sizes {@code [64, 32]}; min and max bound each element. */
    INTEGER_LIST,
    /** {@code List<Double>}, each element within min and max. */
    REAL_LIST;

    public String title() {
        return switch (this) {
            case REAL -> "number";
            case INTEGER -> "integer";
            case BOOLEAN -> "true/false";
            case TEXT -> "text";
            case CHOICE -> "one of";
            case COLUMN -> "column name";
            case COLUMNS -> "list of column names";
            case TEXT_LIST -> "list of text";
            case PATH -> "file path";
            case INTEGER_LIST -> "list of integers";
            case REAL_LIST -> "list of numbers";
        };
    }
}
