package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.anneal.device.Device;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.ml.Plot;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;

/** A training node publishes its loss so far while it runs; the executor passes it on as events, in order. */
class LiveValuesTest {
    private static final Device CPU = new Device("cpu", "cpu", "test", "");

    static final String SGD = """
            { "format": "anneal-workflow", "version": 1, "meta": { "title": "live", "seed": 3, "device": "cpu" },
              "nodes": [
                { "id": "gen", "type": "data.generate", "params": { "dataset": "noisy-polynomial", "rows": 2000 } },
                { "id": "sgd", "type": "model.sgd-linear", "params": { "epochs": EPOCHS, "minibatch": 1 } },
                { "id": "fit", "type": "train.fit" } ],
              "links": [ { "from": "gen:table", "to": "fit:train" }, { "from": "sgd:learner", "to": "fit:learner" } ] }
            """;

    @Test
    void sgdTrainingPublishesAGrowingLossCurveThatEndsAsTheModelsCurve() throws Exception {
        int epochs = 400; // about 2 s on a quiet core: long enough for several live curves, short for a test
        LoadedWorkflow lw = new WorkflowCodec().parse(SGD.replace("EPOCHS", Integer.toString(epochs)), null, "live");
        Validation v = new Validator(NodeRegistry.standard()).validate(lw, FileAccess.unrestricted(Path.of(".")));
        assertFalse(v.hasErrors(), v.problems().toString());
        List<NodeEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (Executor executor = new Executor(MemoryCache.standard(), 2)) {
            RunResult r = executor.run(v, new RunOptions(Set.of(), CPU, FileAccess.unrestricted(Path.of("."))), events::add);
            assertTrue(r.succeeded());
            List<NodeEvent> fit = events.stream().filter(e -> e.nodeId().equals("fit")).toList();
            List<Plot> live = fit.stream().filter(e -> e.live() != null).map(e -> (Plot) e.live().value()).toList();
            assertTrue(live.size() >= 2, "live curves: " + live.size());
            int last = 0;
            for (Plot p : live) {
                int points = p.series().get(0).x().length;
                assertTrue(points > last, "each curve has more epochs than the one before: " + points + " after " + last);
                assertTrue(points <= epochs + 1);
                last = points;
            }
            assertTrue(live.get(0).series().get(0).x().length <= 3, "the first curve comes after the first epoch");
            // every live event comes while the node runs, after its RUNNING and before its DONE
            int running = fit.indexOf(fit.stream().filter(e -> e.status() == NodeStatus.RUNNING).findFirst().orElseThrow());
            int done = fit.indexOf(fit.stream().filter(e -> e.status() == NodeStatus.DONE).findFirst().orElseThrow());
            for (int i = 0; i < fit.size(); i++) {
                if (fit.get(i).live() != null) {
                    assertTrue(i > running && i < done);
                    assertEquals(NodeStatus.RUNNING, fit.get(i).status());
                }
            }
            // no other node published anything
            assertTrue(events.stream().filter(e -> e.live() != null).allMatch(e -> e.nodeId().equals("fit")));
        }
    }
}
