package org.anneal.nodes.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.graph.Problem;
import org.anneal.ml.Plot;
import org.anneal.nodes.nn.ExampleEdits;
import org.anneal.session.SessionResult;
import org.junit.jupiter.api.Test;

/** explain.decision-boundary on workflow 04's logistic regression: regions that tile the grid, split by one straight line. */
class DecisionBoundaryNodeTest {

    private static ExampleEdits withBoundary(Map<String, Object> params) throws Exception {
        return ExampleEdits.of("04-classification-two-moons.json").add("boundary", "explain.decision-boundary", params)
                .link("fit:model", "boundary:model").link("scale_test:out", "boundary:data");
    }

    @Test
    void aLinearClassifiersRegionsTileTheGridAndMeetAlongALine() throws Exception {
        SessionResult s = withBoundary(Map.of("resolution", 30)).run();
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        Plot plot = (Plot) s.run().node("boundary").outputs().get("plot");
        assertEquals(Plot.Kind.SCATTER, plot.kind());
        List<Plot.Series> series = plot.series();
        assertEquals(List.of("region: upper", "region: lower", "upper (rows)", "lower (rows)"), series.stream().map(Plot.Series::name).toList());
        assertEquals(30 * 30, series.get(0).size() + series.get(1).size(), "every grid point gets a class");
        assertEquals(100, series.get(2).size() + series.get(3).size(), "every test row drawn");
        assertTrue(series.get(0).size() > 100 && series.get(1).size() > 100, "both classes own a region");
        // logistic regression: along each grid column x1 the predicted class changes at most once as x2 rises (a straight boundary)
        java.util.Map<Double, java.util.TreeMap<Double, Integer>> columns = new java.util.TreeMap<>();
        for (int c = 0; c < 2; c++) {
            Plot.Series region = series.get(c);
            for (int i = 0; i < region.size(); i++) {
                columns.computeIfAbsent(region.x()[i], k -> new java.util.TreeMap<>()).put(region.y()[i], c);
            }
        }
        int switched = 0;
        for (var column : columns.values()) {
            List<Integer> classes = List.copyOf(column.values());
            int changes = 0;
            for (int i = 1; i < classes.size(); i++) {
                changes += classes.get(i).equals(classes.get(i - 1)) ? 0 : 1;
            }
            assertTrue(changes <= 1, "one switch per column: " + classes);
            switched += changes;
        }
        assertTrue(switched > 10, "the line crosses most columns");
    }

    @Test
    void aRegressionModelOrThreeFeaturesAreLocatedOnTheModelPort() throws Exception {
        List<Problem> problems = ExampleEdits.of("01-linear-regression.json").add("boundary", "explain.decision-boundary", Map.of())
                .link("fit:model", "boundary:model").link("split:test", "boundary:data").check().validation().problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("boundary", problems.get(0).nodeId());
        assertEquals("model", problems.get(0).port());
        assertTrue(problems.get(0).message().contains("predicts a number"), problems.get(0).message());
    }
}
