package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anneal.exec.FileAccess;
import org.anneal.exec.Validation;
import org.anneal.exec.Validator;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.Finding;
import org.anneal.lineage.LeakageAnalyzer;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plots and predictions show things; they make no claim, so state fitted on all rows that reaches only them is no leak. */
class PlotLeakageTest {
    @TempDir
    Path dir;

    List<String> rules(String nodes, String links) throws Exception {
        StringBuilder sb = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i).append(',').append(i % 7).append(',').append(2 * i + i % 7).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), sb.toString());
        Path f = dir.resolve("w.json");
        Files.writeString(f, "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":[{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\","
                + "\"target\":\"y\"}},{\"id\":\"scale\",\"type\":\"prepare.standardize\"}," + nodes + "],\"links\":[" + links + "]}");
        Validation v = new Validator(NodeRegistry.standard()).validate(new WorkflowCodec().read(f), FileAccess.unrestricted(dir));
        assertEquals(List.of(), v.problems());
        return new LeakageAnalyzer().analyze(v).stream().map(Finding::rule).toList();
    }

    static String links(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append("{\"from\":\"").append(pairs[i]).append("\",\"to\":\"").append(pairs[i + 1]).append("\"}");
        }
        return sb.toString();
    }

    @Test
    void aScatterOfRowsScaledWithAllRowsRaisesNothing() throws Exception {
        assertEquals(List.of(), rules("{\"id\":\"plot\",\"type\":\"plot.scatter\",\"params\":{\"x\":\"x1\",\"y\":\"x2\"}}",
                links("load:table", "scale:fit", "load:table", "scale:data", "scale:out", "plot:table")));
    }

    static final String PIPELINE = "{\"id\":\"split\",\"type\":\"split.holdout\"},{\"id\":\"ridge\",\"type\":\"model.ridge\"},"
            + "{\"id\":\"fit\",\"type\":\"train.fit\"},";
    static final String[] WIRES = {"load:table", "scale:fit", "load:table", "scale:data", "scale:out", "split:table", "ridge:learner", "fit:learner",
        "split:train", "fit:train", "fit:model", "score:model", "split:test", "score:data"};

    @Test
    void aParityPlotOfPredictionsAfterAScalerFittedOnAllRowsRaisesNothingWhileAScoreDoes() throws Exception {
        String plotted = PIPELINE + "{\"id\":\"score\",\"type\":\"evaluate.predict\"},{\"id\":\"plot\",\"type\":\"plot.parity\"}";
        String[] plotWires = java.util.Arrays.copyOf(WIRES, WIRES.length + 2);
        plotWires[WIRES.length] = "score:predictions";
        plotWires[WIRES.length + 1] = "plot:predictions";
        assertEquals(List.of(), rules(plotted, links(plotWires)));
        // the same graph with a score instead of a picture is the L2 leak the analysis exists for
        assertEquals(List.of("L2"), rules(PIPELINE + "{\"id\":\"score\",\"type\":\"evaluate.regression\"}", links(WIRES)));
    }
}
