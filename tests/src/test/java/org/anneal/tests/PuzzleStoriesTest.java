package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anneal.device.DeviceSelector;
import org.anneal.exec.Executor;
import org.anneal.exec.FileAccess;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.RunOptions;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.ml.Metrics;
import org.anneal.puzzle.Puzzle;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A puzzle's story tells the student what the score will do once the flaw is fixed ("What to expect: the R² falls
 * from about 0.75 to about 0.37"); this runs the puzzle and its reference solution and checks every quoted pair
 * against the real numbers. Before: stories promised "a score that looks excellent" for an R² of 0.45, said
 * "a few elements" lack a radius where one does, and gave no hint that a correct fix may leave the score where
 * it was, raise it (puzzle 14) or take R² below zero (puzzles 7 and 11).
 */
class PuzzleStoriesTest {
    /** "the R² falls from about 0.60 to about 0.51": a metric, then (no digits between) the puzzle's and the solution's values. */
    static final Pattern QUOTED = Pattern.compile("(balanced accuracy|accuracy|R²|RMSE)\\D{0,60}?from about (−?-?[0-9]+(?:\\.[0-9]+)?)\\D{0,30}?to about (−?-?[0-9]+(?:\\.[0-9]+)?)");
    /** The node whose metrics a story quotes: the final score, the chosen model's, or the cross-validation's. */
    static final List<String> SCORING_NODES = List.of("score", "best", "cv");

    /** One quoted pair, as written ("0.37", "−2.6"): the digits written set the tolerance. */
    record Quote(String metric, String puzzleText, String solutionText, String text) {
        double puzzle() {
            return number(puzzleText);
        }

        double solution() {
            return number(solutionText);
        }
    }

    static List<Quote> quotes(String story) {
        int at = story.indexOf("What to expect:");
        List<Quote> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        Matcher m = QUOTED.matcher(story.substring(at));
        while (m.find()) {
            String metric = switch (m.group(1)) {
                case "R²" -> "r2";
                case "RMSE" -> "rmse";
                case "balanced accuracy" -> "balanced_accuracy";
                default -> "accuracy";
            };
            out.add(new Quote(metric, m.group(2), m.group(3), m.group()));
        }
        return out;
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace('−', '-'));
    }

    /** Half a step more than the quoted precision allows (0.37 covers 0.35..0.39), and 5 % of large values. */
    static double tolerance(String quoted, double value) {
        String digits = quoted.contains(".") ? quoted.substring(quoted.indexOf('.') + 1) : "";
        return Math.max(2 * Math.pow(10, -digits.length()), 0.05 * Math.abs(value));
    }

    static Optional<Double> metric(RunResult r, String metric) {
        for (String id : SCORING_NODES) {
            if (r.nodes().containsKey(id) && r.node(id).outputs() != null) {
                Optional<Double> v = r.node(id).outputs().asMap().values().stream().filter(Metrics.class::isInstance)
                        .map(Metrics.class::cast).filter(m -> m.values().containsKey(metric)).map(m -> m.get(metric)).findFirst();
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest
    @MethodSource("org.anneal.tests.PuzzlesTest#puzzles")
    void theStorySaysWhatTheScoreWillDo(Path file) throws Exception {
        WorkflowCodec codec = new WorkflowCodec();
        LoadedWorkflow puzzle = codec.read(file);
        String story = Puzzle.of(puzzle.workflow()).story();
        List<Quote> quotes = quotes(story);
        assertFalse(quotes.isEmpty(), file + ": the story ends with 'What to expect: the <metric> ... from about <puzzle> to about <solution>'");
        LoadedWorkflow solution = codec.read(Path.of(file.toString().replace(".json", ".solution.json")));
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) { // one cache: the solution reuses the puzzle's loaders
            RunResult before = run(ex, puzzle);
            RunResult after = run(ex, solution);
            for (Quote q : quotes) {
                double was = metric(before, q.metric()).orElseThrow(() -> new AssertionError(file + " has no " + q.metric() + " on " + SCORING_NODES));
                double now = metric(after, q.metric()).orElseThrow(() -> new AssertionError(file + ": the solution has no " + q.metric()));
                assertEquals(q.puzzle(), was, tolerance(q.puzzleText(), q.puzzle()), file + ": \"" + q.text() + "\" but the puzzle gives " + was);
                assertEquals(q.solution(), now, tolerance(q.solutionText(), q.solution()), file + ": \"" + q.text() + "\" but the solution gives " + now);
            }
        }
    }

    private static RunResult run(Executor ex, LoadedWorkflow lw) {
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(lw.baseDir()));
        assertEquals(List.of(), v.problems(), lw.file() + " validates");
        RunResult r = ex.run(v, new RunOptions(Set.of(), DeviceSelector.system().select(lw.workflow().meta().device()),
                FileAccess.unrestricted(lw.baseDir())), e -> { });
        assertTrue(r.succeeded(), lw.file() + ": " + r.problems());
        return r;
    }

    @Test
    void theQuotesAreReadAsAStudentReadsThem() {
        List<Quote> q = quotes("A story. What to expect: the RMSE rises from about 0.021 to about 0.030 and the R² falls from about 0.77 to about −2.6.");
        assertEquals(List.of("rmse", "r2"), q.stream().map(Quote::metric).toList());
        assertEquals(-2.6, q.get(1).solution(), 0);
        assertEquals(0.002, tolerance("0.021", 0.021), 1e-12);
        assertEquals(0.2, tolerance("-2.6", -2.6), 1e-12);
        assertTrue(quotes("the R² falls from about 0.75 to about 0.37 but no expectation heading").isEmpty());
        assertEquals("balanced_accuracy", quotes("What to expect: the balanced accuracy falls from about 0.89 to about 0.84").get(0).metric());
    }
}
