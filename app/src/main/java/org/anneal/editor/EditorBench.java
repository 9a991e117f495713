package org.anneal.editor;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.anneal.exec.Executor;
import org.anneal.graph.Link;
import org.anneal.graph.Meta;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.Workflow;
import org.anneal.graph.WorkflowCodec;
import org.anneal.spec.NodeRegistry;

/**
 * Editor benchmark, run under a real display (bench/editor-bench.sh uses Xvfb): time to open and lay out a
 * generated 500-node workflow against the 8-node first example, and frames per second while panning each and
 * an empty canvas (the ceiling: a full-window repaint with nothing on it). The 500-node pans run twice: as the
 * editor pans (a picture of the view, see PanSnapshot) and with JavaFX's node cache only, the earlier way.
 * Prints one JSON object. Not a unit test.
 */
public final class EditorBench {
    private EditorBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("anneal-editor-bench");
        Path big = dir.resolve("500-nodes.json");
        new WorkflowCodec().save(generated(500), big);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // each measurement closes its window before the next opens one: without this, closing the last window
        // may shut JavaFX down in between, and the next measurement waits for frames that never come
        Platform.setImplicitExit(false);
        if (args.length > 0 && args[0].equals("pan500")) { // for profiling: only the 500-node pans
            System.out.printf(Locale.ROOT, "{\"generated500\": %s, \"generated500at100pct\": %s}%n", measure(big, false), measure(big, true));
            Platform.exit();
            System.exit(0);
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, Double> empty = measure(null, false);
        Map<String, Double> small = measure(Path.of(System.getProperty("anneal.home", "."), "workflows", "01-linear-regression.json"), false);
        Map<String, Double> large = measure(big, false);
        Map<String, Double> close = measure(big, true);
        CanvasViewport.picturePan = false; // the same pans with JavaFX's node cache only, the way it panned before PanSnapshot
        Map<String, Double> largeCache = measure(big, false);
        Map<String, Double> closeCache = measure(big, true);
        CanvasViewport.picturePan = true;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "{\"loadAverage1min\": {\"before\": %.2f, \"after\": %.2f}, \"emptyCanvasFps\": %.1f, \"jvmUptimeMs\": %d, "
                        + "\"example8\": {\"openMs\": %.1f, \"fps\": %.1f}, "
                        + "\"generated500\": {\"openMs\": %.1f, \"fps\": %.1f, \"fpsWithNodeCacheOnly\": %.1f}, "
                        + "\"generated500at100pct\": {\"fps\": %.1f, \"fpsWithNodeCacheOnly\": %.1f}, "
                        + "\"openRatio500over8\": %.2f, \"fpsRatio500over8\": %.2f, \"fpsRatio500overEmpty\": %.2f}%n",
                loadBefore, loadAfter, empty.get("fps"), ManagementFactory.getRuntimeMXBean().getUptime(), small.get("openMs"), small.get("fps"),
                large.get("openMs"), large.get("fps"), largeCache.get("fps"), close.get("fps"), closeCache.get("fps"),
                large.get("openMs") / small.get("openMs"), large.get("fps") / small.get("fps"), large.get("fps") / empty.get("fps"));
        Platform.exit();
        System.exit(0);
    }

    /** A chain of teaching generators and polynomial nodes laid out on a grid: valid, and 500 boxes to draw. */
    static Workflow generated(int n) {
        List<NodeInstance> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean source = i % 10 == 0;
            String id = "n" + i;
            nodes.add(new NodeInstance(id, source ? "data.generate" : "prepare.polynomial", 1, null,
                    new NodeInstance.Position((i % 25) * 230, (i / 25) * 140)));
            if (!source) {
                links.add(Link.of("n" + (i - 1) + (i % 10 == 1 ? ":table" : ":out"), id + ":table"));
            }
        }
        return new Workflow(new Meta("500 nodes", "", 1, "cpu"), nodes, links, Map.of());
    }

    /** {@code actualSize}: pan at 100 % instead of fit-to-view, where most nodes are off screen and culled. */
    private static Map<String, Double> measure(Path file, boolean actualSize) throws Exception {
        double[] openMs = new double[1];
        double[] fps = new double[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            WorkflowViewModel vm = new WorkflowViewModel(NodeRegistry.standard(), Executor.standard(), Platform::runLater);
            CanvasView canvas = new CanvasView(vm, id -> { });
            stage.setScene(new Scene(canvas, 1280, 800));
            stage.show();
            long t0 = System.nanoTime();
            if (file == null) {
                vm.newWorkflow(Path.of("")); // the same window with nothing to draw: the frame-rate ceiling of this machine
            } else {
                vm.open(file);
            }
            canvas.applyCss();
            canvas.layout();
            if (actualSize) {
                canvas.zoomAt(0, 0, 1 / canvas.zoom());
            }
            // the time until the frame showing the workflow has been rendered
            new AnimationTimer() {
                int frames = -1;
                long panStart;

                @Override
                public void handle(long now) {
                    if (frames < 0) {
                        openMs[0] = (System.nanoTime() - t0) / 1e6;
                        panStart = now;
                        frames = 0;
                        return;
                    }
                    frames++;
                    canvas.panBy(3, 1); // a steady drag, as a student panning across the canvas
                    if (now - panStart > 3_000_000_000L) {
                        fps[0] = frames / ((now - panStart) / 1e9);
                        stop();
                        stage.close();
                        done.countDown();
                    }
                }
            }.start();
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().contains("JavaFX") || t.getName().contains("Quantum")) {
                    System.err.println(t.getName() + " " + t.getState());
                    for (StackTraceElement e : st) {
                        System.err.println("    " + e);
                    }
                }
            });
            throw new IllegalStateException("benchmark timed out (open " + openMs[0] + " ms)");
        }
        return Map.of("openMs", openMs[0], "fps", fps[0]);
    }
}
