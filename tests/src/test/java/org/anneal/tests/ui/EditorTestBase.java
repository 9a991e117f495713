package org.anneal.tests.ui;

import java.nio.file.Path;
import javafx.application.Application;
import org.anneal.editor.EditorApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workbench for a TestFX journey, with its own autosave folder, and cleans up after. */
abstract class EditorTestBase extends FxRobot {
    private Application app;

    @BeforeEach
    void isolateAutosave(@TempDir Path autosaves) {
        System.setProperty("anneal.autosave.dir", autosaves.toString()); // every test starts without recovered copies
        System.setProperty("anneal.recent.file", autosaves.resolve("recent.json").toString()); // and with no recent files
    }

    EditorApp start(String file) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(EditorApp.class, file);
        WaitForAsyncUtils.waitForFxEvents();
        return (EditorApp) app;
    }

    /** Runs the open workflow (example 01's shape: a 'score' node), shows score:predictions and its parity plot. */
    org.anneal.editor.PlotChart runAndShowParity(EditorApp editor) throws Exception {
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !lookup("#runButton").queryAs(javafx.scene.control.Button.class).isDisabled()
                && editor.viewModel().states().get("score") != null && editor.viewModel().states().get("score").status().isFinal());
        clickOn("#out-score-predictions");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#view-Parity");
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#plotChart").query();
    }

    /** Clicks Run and waits until the run is over and node {@code last} has its final state. */
    void runUntil(EditorApp editor, String last) throws Exception {
        clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> !lookup("#runButton").queryAs(javafx.scene.control.Button.class).isDisabled()
                && editor.viewModel().states().get(last) != null && editor.viewModel().states().get(last).status().isFinal());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }
}
