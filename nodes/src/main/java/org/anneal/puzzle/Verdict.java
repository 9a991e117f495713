package org.anneal.puzzle;

import java.util.List;

/**
 * The outcome of checking a student's fix: solved or not, and one line per check in words a student
 * understands (passed checks too, so they see what they got right).
 */
public record Verdict(boolean solved, List<Check> checks) {
    public record Check(boolean passed, String text) {
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(solved ? "Solved! " : "Not solved yet. ");
        sb.append(checks.stream().filter(Check::passed).count()).append(" of ").append(checks.size()).append(" checks pass.\n");
        for (Check c : checks) {
            sb.append(c.passed() ? "  [ok]   " : "  [todo] ").append(c.text()).append('\n');
        }
        return sb.toString();
    }
}
