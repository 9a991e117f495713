package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.anneal.editor.PuzzleBlock;
import org.anneal.graph.Link;
import org.anneal.graph.Workflow;
import org.anneal.puzzle.Puzzle;
import org.junit.jupiter.api.Test;

/** Authoring edits of the puzzle block read back through Puzzle.of, the reader `puzzle verify` uses. */
class PuzzleBlockTest {

    private static Puzzle read(JsonNode block) {
        return Puzzle.of(Workflow.empty().withBlock("puzzle", block));
    }

    @Test
    void editsReadBackAsThePuzzle() {
        JsonNode b = PuzzleBlock.withText(null, "title", "Heats");
        b = PuzzleBlock.withHints(b, "  first\n\n second  \n");
        b = PuzzleBlock.withNodeLocked(b, "load", true);
        b = PuzzleBlock.withNodeLocked(b, "ridge", true);
        b = PuzzleBlock.withNodeLocked(b, "load", false);
        b = PuzzleBlock.withLinkLocked(b, Link.of("split:train", "fit:train"), true);
        b = PuzzleBlock.withRuleToClear(b, "L7", true);
        b = PuzzleBlock.withMetricRange(b, "score", "r2", 0.3, 0.9);
        Puzzle p = read(b);
        assertEquals("Heats", p.title());
        assertEquals(List.of("first", "second"), p.hints());
        assertEquals(List.of("ridge"), p.lockedNodes());
        assertEquals(List.of(Link.of("split:train", "fit:train")), p.lockedLinks());
        assertEquals(List.of("L7"), p.clear());
        assertEquals(0.3, p.metrics().get("score").get("r2")[0]);
        assertEquals(0.9, p.metrics().get("score").get("r2")[1]);

        JsonNode cleared = PuzzleBlock.withMetricRange(b, "score", "r2", Double.NaN, Double.NaN);
        assertTrue(read(cleared).metrics().isEmpty(), "NaN, NaN removes the range");
        assertEquals(0.3, read(b).metrics().get("score").get("r2")[0], "edits never change the block they were given");
        double[] open = read(PuzzleBlock.withMetricRange(b, "score", "r2", 0.5, Double.POSITIVE_INFINITY)).metrics().get("score").get("r2");
        assertEquals(0.5, open[0]);
        assertEquals(Double.POSITIVE_INFINITY, open[1], "an open end survives the round trip");
    }

    @Test
    void gapsSayWhatIsMissingBeforeSaving() {
        assertEquals(4, PuzzleBlock.gaps(PuzzleBlock.start(null)).size());
        JsonNode b = PuzzleBlock.withText(PuzzleBlock.withText(null, "title", "t"), "story", "s");
        b = PuzzleBlock.withHints(b, "h");
        assertEquals(List.of("Tick the leakage rule(s) the student must clear."), PuzzleBlock.gaps(b));
        assertEquals(List.of(), PuzzleBlock.gaps(PuzzleBlock.withRuleToClear(b, "L2", true)));
    }
}
