package org.anneal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anneal.device.Device;
import org.anneal.exec.ExecutionListener;
import org.anneal.exec.Executor;
import org.anneal.exec.MemoryCache;
import org.anneal.exec.NodeStatus;
import org.anneal.graph.WorkflowCodec;
import org.anneal.lineage.DynamicChecks;
import org.anneal.lineage.Finding;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-time checks of a split start while the nodes after it run, and give what the checks after the run give. */
class ChecksAheadTest {
    private static final Device CPU = new Device("cpu", "cpu", "test", "");
    private final Executor executor = new Executor(MemoryCache.standard(), 2);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        executor.close();
    }

    /** Every sample measured four times (D1), a near-copy of a feature (D3 candidate), then a model fitted after the split. */
    private Checked leaky(WorkflowSession session) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < 400; i++) {
            int s = i / 4;
            csv.append(s).append(',').append(s % 7).append(',').append((s * 37) % 11).append(',').append(s * 1.5 + s % 4).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), csv);
        Files.writeString(dir.resolve("w.json"), "{\"format\":\"anneal-workflow\",\"version\":1,\"nodes\":["
                + "{\"id\":\"load\",\"type\":\"data.csv\",\"params\":{\"path\":\"d.csv\",\"target\":\"y\"}},"
                + "{\"id\":\"split\",\"type\":\"split.holdout\",\"params\":{\"test\":0.3}},"
                + "{\"id\":\"scale\",\"type\":\"prepare.standardize\"},{\"id\":\"scale_test\",\"type\":\"prepare.apply\"},"
                + "{\"id\":\"ridge\",\"type\":\"model.ridge\"},{\"id\":\"fit\",\"type\":\"train.fit\"},"
                + "{\"id\":\"score\",\"type\":\"evaluate.regression\"}],"
                + "\"links\":[{\"from\":\"load:table\",\"to\":\"split:table\"},{\"from\":\"split:train\",\"to\":\"scale:fit\"},"
                + "{\"from\":\"split:train\",\"to\":\"scale:data\"},{\"from\":\"scale:state\",\"to\":\"scale_test:state\"},"
                + "{\"from\":\"split:test\",\"to\":\"scale_test:data\"},{\"from\":\"ridge:learner\",\"to\":\"fit:learner\"},"
                + "{\"from\":\"scale:out\",\"to\":\"fit:train\"},{\"from\":\"fit:model\",\"to\":\"score:model\"},"
                + "{\"from\":\"scale_test:out\",\"to\":\"score:data\"}]}");
        Checked checked = session.check(new WorkflowCodec().read(dir.resolve("w.json")));
        assertTrue(checked.runnable(), checked.validation().problems().toString());
        return checked;
    }

    /** A listener that holds the fit node at its start until the split's checks have said they started (or 30 s passed). */
    private static final class HoldingFit implements ExecutionListener {
        final CountDownLatch checking = new CountDownLatch(1);
        final CountDownLatch fitHeld = new CountDownLatch(1);
        volatile boolean sawChecksDuringFit;

        @Override
        public void onEvent(org.anneal.exec.NodeEvent e) {
            if (e.live() != null && WorkflowSession.CHECKS.equals(e.live().name())) {
                checking.countDown();
            } else if (e.nodeId().equals("fit") && e.status() == NodeStatus.RUNNING && e.live() == null && e.progress() == 0) {
                fitHeld.countDown();
                try {
                    sawChecksDuringFit = checking.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void theChecksOfASplitRunBesideTheNodesAfterItAndFindTheSame() throws Exception {
        WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), executor);
        Checked checked = leaky(session);
        HoldingFit listener = new HoldingFit();
        SessionResult s = session.run(checked, SessionOptions.on(CPU).withRunTimeChecks(DynamicChecks.Thresholds.DEFAULT).withListener(listener));
        assertTrue(s.run().succeeded(), s.run().problems().toString());
        assertTrue(listener.sawChecksDuringFit, "the split's checks started while a node after it was running");
        List<Finding> after = new DynamicChecks(DynamicChecks.Thresholds.DEFAULT).analyze(checked.validation(), s.run());
        assertTrue(after.stream().anyMatch(f -> f.rule().equals("D1")), after.toString());
        assertEquals(after, s.dynamicFindings(), "the same findings, in the same order, as the checks after the run");
    }

    @Test
    void cancellingWhileTheNodesRunStopsTheChecksStartedAhead() throws Exception {
        WorkflowSession session = new WorkflowSession(NodeRegistry.standard(), executor);
        Checked checked = leaky(session);
        HoldingFit listener = new HoldingFit();
        SessionRun run = session.start(checked, SessionOptions.on(CPU).withRunTimeChecks(DynamicChecks.Thresholds.DEFAULT).withListener(listener));
        assertTrue(listener.fitHeld.await(30, TimeUnit.SECONDS), "the run reached the fit");
        run.cancel();
        SessionResult s = run.result().get(30, TimeUnit.SECONDS);
        assertTrue(s.run().cancelled(), "the run says it was cancelled");
        assertEquals(List.of(), s.dynamicFindings(), "no findings of a cancelled run");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (aheadThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(aheadThreadAlive(), "no check is left running after the cancel");
    }

    private static boolean aheadThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals("leakage checks ahead"));
    }
}
