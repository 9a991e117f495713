package org.anneal.editor;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/** Baseline for the start-up benchmark: an empty JavaFX window, first frame time since JVM start. */
public final class EmptyWindow {
    private EmptyWindow() {
    }

    public static void main(String[] args) {
        // launched through this class: a main class extending Application fails on a plain class path
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 1280, 800));
        stage.show();
        reportFirstFrameAndExit();
        }
    }

    /** The start-up benchmark's probe: prints the time from JVM start to the first rendered frame, then quits. */
    static void reportFirstFrameAndExit() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                System.out.println("first frame after " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                stop();
                Platform.exit();
            }
        }.start();
    }
}
