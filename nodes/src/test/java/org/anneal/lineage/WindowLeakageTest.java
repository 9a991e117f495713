package org.anneal.lineage;

import static org.anneal.lineage.LeakageAnalyzerTest.links;
import static org.anneal.lineage.LeakageAnalyzerTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.Validation;
import org.anneal.session.Fixer;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: L8 and D5 on windows, leads and centred smoothing of time-indexed rows; broken and correct fixtures. */
class WindowLeakageTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        LeakageFixture.csv(dir, "hour,x,y", 40, i -> i + "," + (i % 7) + "," + (2 * i + i % 7));
    }

    static final String TIMED = "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\",\"time\":\"hour\"}}";

    static String furnace(int window, int stride, double gap) {
        return "{\"id\":\"gen\",\"type\":\"data.generate-process\",\"params\":{\"runs\":4,\"minutes\":120}},"
                + "{\"id\":\"windows\",\"type\":\"data.process-log\",\"params\":{\"time\":\"minute\",\"channels\":[\"temperature\",\"power\"],\"window\":" + window
                + ",\"stride\":" + stride + ",\"labels\":[\"fault\"]}},"
                + "{\"id\":\"stats\",\"type\":\"signals.statistics\"},"
                + "{\"id\":\"split\",\"type\":\"split.time\",\"params\":{\"gap\":" + gap + "}}";
    }

    static final String FURNACE_LINKS = links("gen:table", "windows:log", "windows:out", "stats:table", "stats:out", "split:table");

    List<Finding> findings(String nodes, String links) throws Exception {
        return new LeakageAnalyzer().analyze(LeakageFixture.validate(dir, nodes, links));
    }

    @Test
    void overlappingWindowsSplitByTimeWithoutAGapAreL8() throws Exception {
        var fs = findings(furnace(30, 10, 0), FURNACE_LINKS);
        assertEquals(List.of("L8"), rules(fs));
        assertEquals(List.of("split", "windows"), fs.get(0).nodes());
        assertTrue(fs.get(0).fix().contains("at least 29"), fs.get(0).fix());
        assertEquals(List.of(), findings(furnace(30, 10, 29), FURNACE_LINKS), "a gap of the window's span is clean");
        assertEquals(List.of(), findings(furnace(30, 30, 0), FURNACE_LINKS), "windows side by side share no sample");
    }

    @Test
    void theQuickFixSetsTheGap() throws Exception {
        Validation v = LeakageFixture.validate(dir, furnace(30, 10, 5), FURNACE_LINKS);
        var fixed = Fixer.fixAll(v.source(), NodeRegistry.standard());
        assertEquals(List.of(), fixed.remaining(), fixed.applied().toString());
        assertEquals(List.of("Set the gap of 'split' to 29."), fixed.applied());
        assertEquals(29, fixed.workflow().workflow().node("split").orElseThrow().params().path("gap").asDouble());
    }

    @Test
    void leadFeaturesAreL8AndAForecastHorizonIsNot() throws Exception {
        String split = ",{\"id\":\"split\",\"type\":\"split.time\"}";
        String lag = links("load:table", "lag:table", "lag:out", "split:table");
        var fs = findings(TIMED + ",{\"id\":\"lag\",\"type\":\"signals.lag\",\"params\":{\"time\":\"hour\",\"columns\":[\"x\"],\"leads\":[2]}}" + split, lag);
        assertEquals(List.of("L8"), rules(fs));
        assertEquals(List.of("lag"), fs.get(0).nodes());
        assertTrue(fs.get(0).fix().contains("horizon"), fs.get(0).fix());
        assertEquals(List.of(), findings(TIMED + ",{\"id\":\"lag\",\"type\":\"signals.lag\",\"params\":{\"time\":\"hour\",\"columns\":[\"x\"],\"horizon\":2}}" + split, lag));
    }

    @Test
    void centredSmoothingDownTimeIndexedRowsIsL8() throws Exception {
        String split = ",{\"id\":\"split\",\"type\":\"split.time\"}";
        String wires = links("load:table", "smooth:table", "smooth:out", "split:table");
        String centred = ",{\"id\":\"smooth\",\"type\":\"signals.smooth\",\"params\":{\"column\":\"x\",\"over\":\"rows\",\"alignment\":\"centred\"}}";
        assertEquals(List.of("L8"), rules(findings(TIMED + centred + split, wires)));
        assertEquals(List.of(), findings(TIMED + centred.replace("centred", "trailing") + split, wires));
    }

    static Table windows(double... starts) {
        List<float[]> rows = new ArrayList<>();
        for (double ignored : starts) {
            rows.add(new float[10]);
        }
        Shape s = Shape.signal(Axis.regular("time", 10, "min", 0, 1), 1);
        return new Table(List.of(new NumericColumn("start", ColumnRole.TIME, starts, "min"), TensorColumn.of("signal", ColumnRole.FEATURE, s, rows)));
    }

    @Test
    void d5SeesTestWindowsThatStartBeforeTheLastTrainingWindowEnds() {
        List<Finding> out = new ArrayList<>();
        WindowOverlap.check("split", windows(0, 5, 10), windows(15, 20, 25), out);
        assertEquals(List.of("D5"), rules(out), "the window at 10 runs to 19: the test windows at 15 share samples with it");
        assertTrue(out.get(0).explanation().startsWith("1 of 3 test windows"), out.get(0).explanation());
        out.clear();
        WindowOverlap.check("split", windows(0, 5, 10), windows(20, 25), out);
        assertEquals(List.of(), out, "after a gap nothing is shared");
    }
}
