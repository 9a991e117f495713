package org.anneal.nodes.spectra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One data line of JCAMP-DX's ASCII squeezed difference form. Values are written as AFFN (plain numbers between blanks,
 * commas or signs), PAC (signs as the only separators), SQZ (the first digit and sign as one letter: {@code @}=0,
 * {@code A}–{@code I}=1…9, {@code a}–{@code i}=−1…−9), DIF (a difference to the value before: {@code %}=0,
 * {@code J}–{@code R}=1…9, {@code j}–{@code r}=−1…−9) and DUP (repeat the last value or difference: {@code S}–{@code Z}=1…8
 * and {@code s}=9 are the count including the first occurrence). The first value of a line is its abscissa.
 */
final class Asdf {
    private Asdf() {
    }

    /** The numbers of a line, and whether its last value came from a DIF token (so the next line starts with a check value). */
    record Line(List<Double> values, boolean endsInDif) {
    }

    static Line parse(Path file, int lineNo, String line) throws SpectrumProblem {
        List<Double> out = new ArrayList<>();
        boolean lastDif = false;
        double lastDifference = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == ',' || c == ';' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            int kind; // 0 AFFN/SQZ value, 1 DIF, 2 DUP
            String digits;
            if (c == '+' || c == '-' || c == '.' || Character.isDigit(c)) {
                kind = 0;
                i++;
                while (i < n && (Character.isDigit(line.charAt(i)) || line.charAt(i) == '.' || exponent(line, i))) {
                    i += exponent(line, i) ? 2 : 1;
                }
                digits = line.substring(start, i);
            } else {
                int lead = lead(c);
                if (lead == Integer.MIN_VALUE) {
                    throw new SpectrumProblem(file, lineNo, "the character '" + c + "' at column " + (i + 1) + " is not part of any ASDF form",
                            "Data lines hold numbers in AFFN, PAC, SQZ, DIF or DUP form only.");
                }
                kind = c == '%' || (c >= 'J' && c <= 'R') || (c >= 'j' && c <= 'r') ? 1 : c == 's' || (c >= 'S' && c <= 'Z') ? 2 : 0;
                i++;
                int from = i;
                while (i < n && (Character.isDigit(line.charAt(i)) || line.charAt(i) == '.')) {
                    i++;
                }
                int sign = lead < 0 ? -1 : 1;
                digits = (sign < 0 ? "-" : "") + Math.abs(lead) + line.substring(from, i);
            }
            double v;
            try {
                v = Double.parseDouble(digits);
            } catch (NumberFormatException e) {
                throw new SpectrumProblem(file, lineNo, "'" + line.substring(start, i) + "' at column " + (start + 1) + " is not a number",
                        "Check the data line for damaged characters.");
            }
            if (kind == 0) {
                out.add(v);
                lastDif = false;
            } else if (kind == 1) {
                if (out.size() < 2) {
                    throw new SpectrumProblem(file, lineNo, "a difference (DIF) at column " + (start + 1) + " before any ordinate",
                            "A line starts with its abscissa and an absolute ordinate.");
                }
                out.add(out.get(out.size() - 1) + v);
                lastDifference = v;
                lastDif = true;
            } else {
                if (out.size() < 2 || v < 1 || v != Math.rint(v)) {
                    throw new SpectrumProblem(file, lineNo, "a repeat count (DUP) '" + line.substring(start, i) + "' at column " + (start + 1)
                            + (out.size() < 2 ? " before any ordinate" : " that is not a whole number of at least 1"), "Check the data line.");
                }
                for (int k = 1; k < (int) v; k++) {
                    out.add(lastDif ? out.get(out.size() - 1) + lastDifference : out.get(out.size() - 1));
                }
            }
        }
        if (out.isEmpty()) {
            throw new SpectrumProblem(file, lineNo, "an empty data line", "Remove it.");
        }
        return new Line(out, lastDif);
    }

    /** An exponent ("E+03") inside an AFFN number: E or e followed by a sign and a digit. */
    private static boolean exponent(String line, int i) {
        char c = line.charAt(i);
        return (c == 'E' || c == 'e') && i + 2 < line.length() && (line.charAt(i + 1) == '+' || line.charAt(i + 1) == '-')
                && Character.isDigit(line.charAt(i + 2));
    }

    /** The signed leading digit a SQZ, DIF or DUP letter stands for; MIN_VALUE for a character that is none of them. */
    private static int lead(char c) {
        if (c == '@' || c == '%') {
            return 0;
        }
        if (c >= 'A' && c <= 'I') {
            return c - 'A' + 1;
        }
        if (c >= 'a' && c <= 'i') {
            return -(c - 'a' + 1);
        }
        if (c >= 'J' && c <= 'R') {
            return c - 'J' + 1;
        }
        if (c >= 'j' && c <= 'r') {
            return -(c - 'j' + 1);
        }
        if (c >= 'S' && c <= 'Z') {
            return c - 'S' + 1;
        }
        if (c == 's') {
            return 9;
        }
        return Integer.MIN_VALUE;
    }
}
