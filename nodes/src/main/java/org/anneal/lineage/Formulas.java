package org.anneal.lineage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chemical formulas reduced to their composition: "Fe2O3", "Fe4O6" and "O3Fe2" all become "Fe:0.4,O:0.6", so two rows
 * that describe the same compound are recognised whatever multiple or order the formula was written in. Handles
 * parentheses ("Ca(OH)2"), fractional amounts ("Fe0.7Ni0.3") and hydrates written with "·" or "*" ("CuSO4·5H2O"); a
 * dot inside a number is a decimal point. Element symbols are one capital and at most one small letter (not checked
 * against the periodic table). Written by hand: no well-kept Java library for this is on the class path (pymatgen's
 * Composition is Python).
 */
final class Formulas {
    private Formulas() {
    }

    /** The reduced composition as text, or null when {@code formula} is not a formula. */
    static String reduced(String formula) {
        Map<String, Double> amounts = parse(formula);
        if (amounts == null || amounts.isEmpty()) {
            return null;
        }
        double total = amounts.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder sb = new StringBuilder();
        for (var e : amounts.entrySet()) {
            // rounded so that 1/3 written as 0.3333 and as 1 of 3 atoms agree
            sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append(':')
                    .append(String.format(java.util.Locale.ROOT, "%.4f", e.getValue() / total));
        }
        return sb.toString();
    }

    /** Element → amount, or null on anything that is not a formula. */
    static Map<String, Double> parse(String text) {
        try {
            return parseUnits(text.strip());
        } catch (NumberFormatException e) {
            return null; // "1.2.3"
        }
    }

    private static Map<String, Double> parseUnits(String s) {
        if (s.isEmpty()) {
            return null;
        }
        Map<String, Double> total = new TreeMap<>();
        for (String unit : s.split("[·*]")) { // hydrates: CuSO4·5H2O
            String u = unit.strip();
            double mult = 1;
            int k = 0;
            while (k < u.length() && (Character.isDigit(u.charAt(k)) || u.charAt(k) == '.')) {
                k++;
            }
            if (k > 0 && k < u.length()) {
                mult = Double.parseDouble(u.substring(0, k));
                u = u.substring(k);
            }
            Map<String, Double> m = parseUnit(u);
            if (m == null) {
                return null;
            }
            double f = mult;
            m.forEach((el, n) -> total.merge(el, n * f, Double::sum));
        }
        return total;
    }

    private static Map<String, Double> parseUnit(String s) {
        Deque<Map<String, Double>> stack = new ArrayDeque<>();
        stack.push(new TreeMap<>());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                stack.push(new TreeMap<>());
                i++;
            } else if (c == ')' || c == ']') {
                if (stack.size() < 2) {
                    return null;
                }
                i++;
                int start = i;
                i = skipNumber(s, i);
                double n = start == i ? 1 : Double.parseDouble(s.substring(start, i));
                Map<String, Double> inner = stack.pop();
                inner.forEach((el, a) -> stack.peek().merge(el, a * n, Double::sum));
            } else if (Character.isUpperCase(c)) {
                int start = i++;
                if (i < s.length() && Character.isLowerCase(s.charAt(i))) {
                    i++;
                }
                String el = s.substring(start, i);
                start = i;
                i = skipNumber(s, i);
                double n = start == i ? 1 : Double.parseDouble(s.substring(start, i));
                stack.peek().merge(el, n, Double::sum);
            } else {
                return null;
            }
        }
        return stack.size() == 1 ? stack.pop() : null;
    }

    private static int skipNumber(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        // "1." or "." alone is not a number
        return j > i && s.substring(i, j).chars().anyMatch(Character::isDigit) ? j : i;
    }
}
