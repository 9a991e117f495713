package org.anneal.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formulas in Markdown: {@code $...$} in running text, {@code $$...$$} on a line of their own. Markdown knows no
 * formulas and would read {@code a_i b_i} as emphasis and {@code \,} as an escape, so each formula is swapped for a
 * placeholder before the Markdown is parsed and put back when the text is drawn. The rules are pandoc's: an opening
 * {@code $} is followed by a non-space, a closing one preceded by a non-space and not followed by a digit (so
 * "$5 and $6" stays money), {@code \$} is a dollar, and nothing inside {@code `code`} or a fenced block is touched.
 */
public final class MathSpans {
    /** Private-use characters around the index of a formula: never typed, never touched by a Markdown parser. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    /** One formula and whether it stands on its own line. */
    public record Span(String tex, boolean display) {
    }

    /** The Markdown with placeholders, and the formulas they stand for. */
    public record Protected(String markdown, List<Span> spans) {
        /** The text with every placeholder replaced by its formula in plain Unicode. */
        public String plain(String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(TexParser.plain(spans.get(Integer.parseInt(m.group(1))).tex())));
            }
            return m.appendTail(sb).toString();
        }

        /** A text split into plain pieces (String) and formulas (Span), in order. */
        public List<Object> pieces(String text) {
            List<Object> out = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    out.add(text.substring(at, m.start()));
                }
                out.add(spans.get(Integer.parseInt(m.group(1))));
                at = m.end();
            }
            if (at < text.length()) {
                out.add(text.substring(at));
            }
            return out;
        }
    }

    private MathSpans() {
    }

    public static Protected protect(String markdown) {
        String[] lines = (markdown == null ? "" : markdown).split("\n", -1);
        List<Span> spans = new ArrayList<>();
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fenced = !fenced;
                out.add(line);
            } else if (fenced) {
                out.add(line);
            } else if (t.startsWith("$$") && t.indexOf("$$", 2) < 0 && closingLine(lines, i + 1) > 0) {
                // $$ on a line of its own, the formula on the lines below, up to the closing $$
                int end = closingLine(lines, i + 1);
                StringBuilder tex = new StringBuilder(t.substring(2));
                for (int j = i + 1; j <= end; j++) {
                    tex.append(' ').append(j == end ? lines[j].substring(0, lines[j].indexOf("$$")) : lines[j]);
                }
                out.add(String.valueOf(OPEN) + spans.size() + CLOSE + lines[end].substring(lines[end].indexOf("$$") + 2));
                spans.add(new Span(tex.toString().strip(), true));
                i = end;
            } else {
                out.add(protectLine(line, spans));
            }
        }
        return new Protected(String.join("\n", out), spans);
    }

    private static int closingLine(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (lines[j].isBlank()) {
                return -1; // a formula never spans a paragraph break
            }
            if (lines[j].contains("$$")) {
                return j;
            }
        }
        return -1;
    }

    private static String protectLine(String line, List<Span> spans) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '$') {
                out.append("\\$");
                i += 2;
            } else if (c == '`') {
                int run = runOf(line, i, '`');
                int close = line.indexOf("`".repeat(run), i + run);
                int end = close < 0 ? i + run : close + run;
                out.append(line, i, end);
                i = end;
            } else if (c == '$') {
                boolean display = i + 1 < line.length() && line.charAt(i + 1) == '$';
                int end = display ? line.indexOf("$$", i + 2) : closingDollar(line, i + 1);
                if (end < 0 || (!display && end == i + 1) || (!display && Character.isWhitespace(line.charAt(i + 1)))) {
                    out.append(c);
                    i++;
                    continue;
                }
                String tex = line.substring(i + (display ? 2 : 1), end);
                out.append(OPEN).append(spans.size()).append(CLOSE);
                spans.add(new Span(tex.strip(), display));
                i = end + (display ? 2 : 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the $ that closes an inline formula opened before {@code from}, or -1. */
    private static int closingDollar(String line, int from) {
        for (int j = from; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '`') {
                return -1; // a formula never runs into code
            } else if (c == '$') {
                boolean afterSpace = Character.isWhitespace(line.charAt(j - 1));
                boolean beforeDigit = j + 1 < line.length() && Character.isDigit(line.charAt(j + 1));
                if (!afterSpace && !beforeDigit) {
                    return j;
                }
            }
        }
        return -1;
    }

    private static int runOf(String s, int i, char c) {
        int n = 0;
        while (i + n < s.length() && s.charAt(i + n) == c) {
            n++;
        }
        return n;
    }
}
