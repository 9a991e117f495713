package org.anneal.editor;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * For the docs: with {@code -Danneal.screenshot=FILE.png} the editor runs the opened workflow, selects a
 * node (so the inspector shows), optionally shows a port's value in the Data tab ({@code anneal.screenshot.port},
 * {@code anneal.screenshot.view}), saves the window as PNG and quits. bench/screenshot.sh runs it under Xvfb.
 */
final class Screenshot {
    private Screenshot() {
    }

    static void takeAfterRun(EditorApp app, Path file, String selectNode) {
        WorkflowViewModel vm = app.viewModel();
        vm.runningProperty().addListener((o, was, now) -> {
            if (was && !now) {
                if (selectNode != null && vm.current().node(selectNode).isPresent()) {
                    app.showNode(selectNode);
                }
                String port = System.getProperty("anneal.screenshot.port");
                if (port != null) {
                    app.showPort(org.anneal.graph.PortRef.parse(port));
                    String view = System.getProperty("anneal.screenshot.view"); // e.g. Parity: a chart of the predictions
                    if (view != null && app.window().getScene().lookup("#view-" + view) instanceof javafx.scene.control.ButtonBase b) {
                        b.fire();
                    }
                    // no divider is dragged: the screenshot shows the layout a student gets
                }
                if (Boolean.getBoolean("anneal.screenshot.presentation") && !app.presenting()) {
                    app.togglePresentation();
                }
                PauseTransition settle = new PauseTransition(Duration.millis(800)); // let layout and the last statuses draw
                settle.setOnFinished(e -> {
                    int code = 0;
                    try {
                        PngExport.write(app.window().getScene().getRoot(), 1, file);
                        System.out.println("screenshot written to " + file.toAbsolutePath());
                    } catch (Exception ex) {
                        System.err.println("screenshot failed: " + ex.getMessage());
                        code = 1;
                    }
                    app.viewModel().dirtyProperty().set(false); // selecting may have nudged a node; never ask to save
                    Platform.exit();
                    if (code != 0) {
                        System.exit(code);
                    }
                });
                settle.play();
            }
        });
        vm.run();
    }
}
