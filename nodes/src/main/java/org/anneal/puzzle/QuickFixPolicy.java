package org.anneal.puzzle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.anneal.graph.Workflow;

/**
 * Whether the leakage analysis' one-click fixes may be used on a workflow. A puzzle must make the student think,
 * so a workflow with a {@code puzzle} block gets none (not the editor's Fix button, not {@code anneal check --fix})
 * unless its author allows them with {@code "puzzle": { "quickFixes": true }}. When allowed, each fix used is
 * written into the student's file ({@code puzzle.quickFixesUsed}) so the verdict can say the fix came from a
 * quick fix.
 */
public final class QuickFixPolicy {
    static final String ALLOW = "quickFixes";
    static final String USED = "quickFixesUsed";

    private QuickFixPolicy() {
    }

    /** True for an ordinary workflow, and for a puzzle whose author allowed quick fixes. */
    public static boolean allowed(Workflow w) {
        JsonNode p = w.block("puzzle").orElse(null);
        return p == null || p.path(ALLOW).asBoolean(false);
    }

    /** True when {@code w} is a puzzle (whether or not quick fixes are allowed). */
    public static boolean isPuzzle(Workflow w) {
        return w.block("puzzle").isPresent();
    }

    /** What to tell someone who asked for a quick fix on a puzzle that forbids them. */
    public static String refusal() {
        return "This workflow is a puzzle: quick fixes are off, so the fix is yours to find. "
                + "Read the story and hints (anneal puzzle show, or the puzzle pane in the editor).";
    }

    /** {@code w} with {@code fixes} added to the record of quick fixes used, when it is a puzzle; else unchanged. */
    public static Workflow recordUse(Workflow w, Collection<String> fixes) {
        JsonNode p = w.block("puzzle").orElse(null);
        if (!(p instanceof ObjectNode o) || fixes.isEmpty()) {
            return w;
        }
        ArrayNode used = o.path(USED) instanceof ArrayNode a ? a : o.putArray(USED);
        fixes.forEach(used::add);
        o.set(USED, used);
        return w.withBlock("puzzle", o);
    }

    /** The quick fixes recorded in a student's file. */
    public static List<String> used(Workflow w) {
        List<String> out = new ArrayList<>();
        w.block("puzzle").ifPresent(p -> p.path(USED).forEach(f -> out.add(f.asText())));
        return out;
    }
}
