package org.anneal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anneal.device.Device;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-time leakage checks report their progress and stop within a second of a cancel (issue 16, "Performance"). */
class CancelDuringChecksTest {
    @TempDir
    Path dir;

    @Test
    void cancelDuringTheChecksOfABigTableReturnsWithinASecond() throws Exception {
        Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"meta\":{\"seed\":3},\"nodes\":["
                + "{\"id\":\"data\",\"type\":\"data.generate\",\"params\":{\"dataset\":\"alloy\",\"rows\":3000000}},"
                + "{\"id\":\"split\",\"type\":\"split.holdout\",\"params\":{\"test\":0.5}}],"
                + "\"links\":[{\"from\":\"data:table\",\"to\":\"split:table\"}]}");
        WorkflowSession session;
        List<String> stages = new CopyOnWriteArrayList<>();
        CountDownLatch checking = new CountDownLatch(1);
        try (Executor ex = new Executor(MemoryCache.standard(), 2)) {
            session = new WorkflowSession(NodeRegistry.standard(), ex);
            Checked checked = session.check(new WorkflowCodec().read(dir.resolve("w.json")));
            assertTrue(checked.runnable(), checked.validation().problems().toString());
            SessionRun run = session.start(checked, SessionOptions.on(new Device("cpu", "cpu", "test", ""))
                    .withRunTimeChecks(DynamicChecks.Thresholds.DEFAULT).withListener(e -> {
                        if (e.live() != null && WorkflowSession.CHECKS.equals(e.live().name())) {
                            stages.add(e.nodeId() + ": " + e.live().value());
                            checking.countDown();
                        }
                    }));
            assertTrue(checking.await(120, TimeUnit.SECONDS), "the checks say when they start");
            long t0 = System.nanoTime();
            run.cancel();
            SessionResult s = run.result().get(1, TimeUnit.SECONDS); // throws TimeoutException after a second
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 1, "returned " + seconds + " s after the cancel");
            assertTrue(s.run().cancelled(), "a run cancelled during its checks says so");
            assertEquals(List.of(), s.dynamicFindings(), "no findings from checks that did not finish");
            assertEquals("split: exact copies of training rows", stages.get(0), "progress names the split and the check");
        }
    }
}
