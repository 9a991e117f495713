package org.anneal.handin;

/**
 * Text from a hand-in (author, notes quoting the file, node ids) made safe to show to the instructor (issue 14): control
 * and bidirectional-override characters removed, lone surrogates (which cannot be written as UTF-8) replaced, length
 * capped, and for spreadsheets a leading {@code = + - @} neutralised so {@code =HYPERLINK(...)} stays text (OWASP's
 * advice for CSV injection: prefix such cells with an apostrophe).
 */
public final class ReportText {
    /** Longest cell kept; a longer one is cut and ends with an ellipsis. */
    public static final int MAX_CELL = 500;
    /** Most notes or findings listed per row. */
    public static final int MAX_ITEMS = 20;

    private ReportText() {
    }

    /** Printable text: no control characters (line breaks become spaces), no bidi overrides, no lone surrogates, capped. */
    public static String clean(String s) {
        return clean(s, MAX_CELL);
    }

    /** {@link #clean(String)} with its own cap, for a cell that joins several capped items. */
    public static String clean(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (Character.getType(c) == Character.CONTROL || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200E' || c == '\u200F') {
                continue;
            } else {
                sb.append(c);
            }
        }
        return sb.length() >= max && s.length() > max ? sb.append('…').toString() : sb.toString();
    }

    /** {@link #clean} plus a leading apostrophe when a spreadsheet would read the cell as a formula. */
    public static String spreadsheetCell(String s, int max) {
        String t = clean(s, max);
        String lead = t.stripLeading();
        return !lead.isEmpty() && "=+-@".indexOf(lead.charAt(0)) >= 0 ? "'" + t : t;
    }

    /** At most {@link #MAX_ITEMS} items, each cleaned and capped, and a last one saying how many were left out. */
    public static java.util.List<String> capped(java.util.List<String> items) {
        var out = new java.util.ArrayList<String>();
        items.stream().limit(MAX_ITEMS).forEach(i -> out.add(clean(i)));
        if (items.size() <= MAX_ITEMS) {
            return out;
        }
        out.add("(" + (items.size() - MAX_ITEMS) + " more not listed)");
        return out;
    }
}
