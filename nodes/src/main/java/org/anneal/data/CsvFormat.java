package org.anneal.data;

import java.util.List;
import org.anneal.spec.ColumnType;

/**
 * What a look at the head of a CSV file found: the delimiter, the header and each column's type.
 * Computed at configure time from at most {@link CsvReader#SAMPLE_ROWS} rows; the full read enforces it.
 */
public record CsvFormat(char delimiter, List<String> header, List<ColumnType> types) {
    public CsvFormat {
        header = List.copyOf(header);
        types = List.copyOf(types);
    }

    public static String delimiterName(char d) {
        return switch (d) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "bar";
            default -> "'" + d + "'";
        };
    }
}
