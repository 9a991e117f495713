package org.anneal.data;

import java.util.Collections;
import java.util.List;
import org.anneal.spec.ColumnType;

/**
 * What a look at the head of a CSV file found: encoding, delimiter, decimal mark, the header, an optional
 * units row and each column's type. Computed at configure time from at most {@link CsvReader#SAMPLE_ROWS}
 * rows; the full read enforces it.
 *
 * @param charset      name of the text encoding ("UTF-8", "windows-1252", ...)
 * @param decimalComma numbers are written "7,85"
 * @param unitsRow     the line after the header holds units and is not data
 * @param units        unit per column ("" when none)
 */
public record CsvFormat(char delimiter, List<String> header, List<ColumnType> types, String charset, boolean decimalComma,
                        boolean unitsRow, List<String> units) {
    public CsvFormat {
        header = List.copyOf(header);
        types = List.copyOf(types);
        units = List.copyOf(units);
        if (units.size() != header.size()) {
            throw new IllegalArgumentException("one unit per column expected");
        }
    }

    /** A plain UTF-8 file with '.' decimals and no units. */
    public CsvFormat(char delimiter, List<String> header, List<ColumnType> types) {
        this(delimiter, header, types, "UTF-8", false, false, Collections.nCopies(header.size(), ""));
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
