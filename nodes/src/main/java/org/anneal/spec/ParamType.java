package org.anneal.spec;

/** How a parameter is stored in JSON and offered in the editor. */
public enum ParamType {
    REAL, INTEGER, BOOLEAN, TEXT, CHOICE, COLUMN, COLUMNS, TEXT_LIST, PATH;

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
        };
    }
}
