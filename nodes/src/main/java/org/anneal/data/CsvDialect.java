package org.anneal.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The guesses a spreadsheet export forces on a reader: text encoding, field delimiter, decimal mark and
 * whether the second line holds units. Lab instruments and European Excel installations write
 * Windows-1252 files with ';' between fields and ',' as the decimal mark; each guess here is made from the
 * head of the file and can be overridden by a node parameter.
 */
final class CsvDialect {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] CANDIDATE_DELIMITERS = {',', ';', '\t', '|'};
    private static final int DELIMITER_LINES = 20;
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_POINT = Pattern.compile("[+-]?\\d*\\.\\d+([eE][+-]?\\d+)?");
    private static final int LONGEST_UNIT = 24;

    private CsvDialect() {
    }

    /**
     * UTF-8 when the file starts with a UTF-8 byte-order mark or every byte sequence in it is valid UTF-8;
     * UTF-16 when it starts with a UTF-16 mark (Excel's "Unicode text"); otherwise Windows-1252, the
     * superset of ISO-8859-1 that Western Windows machines write ("°" and "µ" are the same bytes in both).
     * The whole file is checked because one Latin-1 "°" in line 5000 is enough to make UTF-8 wrong.
     */
    static Charset detectCharset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
        }
        if (isAscii(file)) {
            return StandardCharsets.UTF_8; // plain ASCII is valid UTF-8: most files, seen at memory speed
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), strict)) {
            char[] buf = new char[1 << 14];
            while (r.read(buf) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /**
     * Whether every byte of the file is below 0x80. Decoding the 200 MB file of bench/leakage-bench.sh as UTF-8 (into
     * chars, twice its bytes) took a third of a second or more before its first row was parsed.
     */
    static boolean isAscii(Path file) throws IOException {
        // read once per state of a big file, not in every run of it (org.anneal.util.FileMemo)
        return Boolean.parseBoolean(org.anneal.util.FileMemo.remembered(file, "ascii", () -> String.valueOf(scanAscii(file))));
    }

    private static boolean scanAscii(Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.readNBytes(buf, 0, buf.length)) > 0) {
                if (highBits(buf, r) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Negative when a byte of {@code b[0, n)} is 0x80 or above. A plain loop in a method of its own: called once per
     * block, it is compiled after a few blocks (and vectorised), where a loop over long words through a VarHandle ran
     * interpreted for seconds on a loaded machine.
     */
    private static int highBits(byte[] b, int n) {
        int or = 0;
        for (int i = 0; i < n; i++) {
            or |= b[i];
        }
        return or;
    }

    /** A reader of {@code in} in {@code cs} that has stepped over a byte-order mark, which would otherwise glue itself to the first column name. */
    static Reader open(InputStream in, Charset cs) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /**
     * The candidate that splits the header and the next lines into the same number of fields, the most
     * fields winning (commas win ties). Looking past the header matters for decimal-comma files, whose data
     * lines hold more commas than semicolons. Falls back to the header alone when no candidate is consistent.
     */
    static char detectDelimiter(Path file, Charset cs) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(open(Files.newInputStream(file), cs))) {
            String l;
            while (lines.size() < DELIMITER_LINES && (l = r.readLine()) != null) {
                if (!l.isBlank()) {
                    lines.add(l);
                }
            }
        }
        if (lines.isEmpty()) {
            return ',';
        }
        char best = 0;
        int bestCount = 0;
        char headerBest = ',';
        int headerBestCount = 0;
        for (char d : CANDIDATE_DELIMITERS) {
            int header = count(lines.get(0), d);
            if (header > headerBestCount) {
                headerBest = d;
                headerBestCount = header;
            }
            boolean consistent = header > 0;
            for (int i = 1; i < lines.size() && consistent; i++) {
                consistent = count(lines.get(i), d) == header;
            }
            if (consistent && header > bestCount) {
                best = d;
                bestCount = header;
            }
        }
        return best != 0 ? best : headerBest;
    }

    private static int count(String line, char d) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == d && !quoted) {
                count++;
            }
        }
        return count;
    }

    /**
     * A decimal comma when the fields are not comma-separated and cells like "7,85" outnumber cells like
     * "7.85". Integers say nothing either way.
     */
    static boolean detectDecimalComma(char delimiter, List<List<String>> rows) {
        if (delimiter == ',') {
            return false;
        }
        int comma = 0;
        int point = 0;
        for (List<String> row : rows) {
            for (String v : row) {
                if (DECIMAL_COMMA.matcher(v).matches()) {
                    comma++;
                } else if (DECIMAL_POINT.matcher(v).matches()) {
                    point++;
                }
            }
        }
        return comma > point;
    }

    /** Whether a cell reads as a number under the file's decimal mark ("NaN" and "Infinity" are words here). */
    static boolean isNumber(String v, boolean decimalComma) {
        if (v.isEmpty()) {
            return false;
        }
        char c = v.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.' || (decimalComma && c == ','))) {
            return false;
        }
        try {
            parse(v, decimalComma);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Parses a number. Under a decimal comma a '.' is refused rather than guessed at: in such files "1.234"
     * is usually a thousands separator, and reading it as 1.234 would be silently wrong by a factor 1000.
     */
    static double parse(String v, boolean decimalComma) {
        if (!decimalComma) {
            return Double.parseDouble(v);
        }
        if (v.indexOf('.') >= 0) {
            throw new NumberFormatException(v);
        }
        return Double.parseDouble(v.replace(',', '.'));
    }

    /**
     * Whether the first record after the header is a row of units: at least half of the columns that hold only
     * numbers further down have a short text there ("°C", "[MPa]"; blanks allowed for dimensionless ones), and
     * none has a number there. Requiring half keeps a typo in line 2 of a wide table ("n.d." in one column)
     * an error at its line instead of silently swallowing a data row.
     *
     * @param first the candidate units row
     * @param rest  the sampled rows after it
     */
    static boolean looksLikeUnits(List<String> first, List<List<String>> rest, java.util.Set<String> missing, boolean decimalComma) {
        if (rest.isEmpty()) {
            return false;
        }
        int numericColumns = 0;
        int units = 0;
        for (int c = 0; c < first.size(); c++) {
            int numbers = 0;
            int words = 0;
            for (List<String> row : rest) {
                String v = row.get(c);
                if (missing.contains(v)) {
                    continue;
                }
                if (isNumber(v, decimalComma)) {
                    numbers++;
                } else {
                    words++;
                }
            }
            if (numbers == 0 || words > 0) {
                continue; // a text column says nothing about units
            }
            numericColumns++;
            String u = first.get(c);
            if (isNumber(u, decimalComma) || u.length() > LONGEST_UNIT) {
                return false;
            }
            if (!u.isEmpty() && !missing.contains(u)) {
                units++;
            }
        }
        return units > 0 && 2 * units >= numericColumns;
    }

    /** "[°C]", "(MPa)" and "°C" all give "°C"; "-" (dimensionless) and blanks give "". */
    static String unit(String cell) {
        String u = cell.strip();
        if (u.length() >= 2 && (u.startsWith("[") && u.endsWith("]") || u.startsWith("(") && u.endsWith(")"))) {
            u = u.substring(1, u.length() - 1).strip();
        }
        return u.equals("-") ? "" : u;
    }
}
