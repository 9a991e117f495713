package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.anneal.exec.Executor;
import org.anneal.graph.Problem;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;

/**
 * The workbench window: toolbar, canvas, node docs and metrics on the right, problems and status below.
 * Opens the workflow named on the command line, or the first bundled example.
 */
public final class EditorApp extends Application {
    /** The checkout or installation folder; the launcher passes it, tests run from it. */
    static final Path HOME = Path.of(System.getProperty("anneal.home", "."));
    static final Path DEFAULT_EXAMPLE = HOME.resolve("workflows").resolve("01-linear-regression.json");

    private WorkflowViewModel vm;
    private Stage stage;
    private final TextArea docs = new TextArea();
    private InspectorView params;
    private ValueViewer viewer;
    private Label statusBar;
    private CanvasView canvas;
    /** Whether no node is selected (the primary selection is empty), for "Run to selected". */
    private final javafx.beans.property.BooleanProperty canvasSelectionEmpty = new javafx.beans.property.SimpleBooleanProperty(true);

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Executor executor = Executor.standard();
        vm = new WorkflowViewModel(NodeRegistry.standard(), executor, Platform::runLater);
        params = new InspectorView(vm);
        canvas = new CanvasView(vm, this::select);
        this.viewer = new ValueViewer();
        PaletteView palette = new PaletteView(vm.registry(), this::addBesideOthers);

        BorderPane root = new BorderPane();
        root.setTop(toolbar());
        javafx.scene.control.ScrollPane side = new javafx.scene.control.ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setFitToHeight(true); // fills the column; scrolls only when the inspector needs more room
        SplitPane centre = new SplitPane(palette, canvas, side);
        centre.setDividerPositions(0.16, 0.74);
        javafx.scene.control.TabPane bottom = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Problems", bottomPanel()), new javafx.scene.control.Tab("Data", viewer));
        bottom.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        this.bottomTabs = bottom;
        canvas.onPortClick(this::showPort);
        vm.liveValues().addListener((javafx.collections.MapChangeListener<String, org.anneal.exec.NodeEvent.Live>) c -> {
            if (c.wasAdded()) {
                showLive(c.getKey(), c.getValueAdded());
            }
        });
        SplitPane main = new SplitPane(centre, bottom);
        root.setBottom(statusBar);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.75);
        root.setCenter(main);

        Scene scene = new Scene(root, 1280, 800);
        keys(scene);
        CanvasKeys.install(scene, canvas);
        primary.setScene(scene);
        primary.titleProperty().bind(Bindings.createStringBinding(() -> "Anneal — "
                        + (vm.workflowProperty().get() == null ? "no workflow" : vm.workflowProperty().get().workflow().meta().title())
                        + (vm.dirtyProperty().get() ? " *" : ""),
                vm.workflowProperty(), vm.dirtyProperty()));
        primary.setOnCloseRequest(e -> {
            if (vm.dirtyProperty().get() && !confirmDiscard()) {
                e.consume();
            } else {
                executor.close();
            }
        });
        primary.show();

        List<String> args = getParameters().getRaw();
        Path initial = !args.isEmpty() ? Path.of(args.get(0)) : (Files.exists(DEFAULT_EXAMPLE) ? DEFAULT_EXAMPLE : null);
        if (initial != null) {
            open(initial);
        }
        if (vm.workflowProperty().get() == null) {
            vm.newWorkflow(Path.of("").toAbsolutePath()); // always something to draw on, even after a broken file
        }
        if (System.getProperty("anneal.screenshot") != null) {
            Screenshot.takeAfterRun(this, Path.of(System.getProperty("anneal.screenshot")), System.getProperty("anneal.screenshot.select"));
        }
        if (Boolean.getBoolean("anneal.startupProbe")) {
            // benchmark hook: report the time from JVM start to the first rendered frame, then quit
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    System.out.println("first frame after " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                    stop();
                    Platform.exit();
                }
            }.start();
        }
    }

    private ToolBar toolbar() {
        Button open = new Button("Open…");
        open.setId("openButton");
        open.setOnAction(e -> {
            var lw = vm.workflowProperty().get();
            Path f = FileDialogs.open(stage, "Open a workflow", lw == null ? HOME.resolve("workflows") : lw.baseDir(), "Anneal workflows", "*.json");
            if (f != null) {
                open(f);
            }
        });
        Button save = new Button("Save");
        save.setId("saveButton");
        save.disableProperty().bind(vm.dirtyProperty().not());
        save.setOnAction(e -> {
            if (vm.untitled()) {
                saveAs(); // a new workflow has no name yet
                return;
            }
            try {
                vm.save();
            } catch (IOException ex) {
                error("Could not save", ex.getMessage());
            }
        });
        Button run = new Button("▶ Run");
        run.setId("runButton");
        run.disableProperty().bind(vm.runningProperty().or(vm.workflowProperty().isNull()));
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("■ Cancel");
        cancel.setId("cancelButton");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button runTo = new Button("▶ Run to selected");
        runTo.setId("runToButton");
        runTo.setTooltip(new javafx.scene.control.Tooltip("Run only what the selected nodes need (Shift+F5); F5 runs everything"));
        runTo.disableProperty().bind(vm.runningProperty().or(vm.workflowProperty().isNull()).or(canvasSelectionEmpty));
        runTo.setOnAction(e -> vm.runUpTo(canvas.selection()));
        Button neu = new Button("New");
        neu.setId("newButton");
        neu.setOnAction(e -> {
            if (!vm.dirtyProperty().get() || confirmDiscard()) {
                vm.newWorkflow(Path.of("").toAbsolutePath());
            }
        });
        Button saveAs = new Button("Save as…");
        saveAs.setId("saveAsButton");
        saveAs.disableProperty().bind(vm.workflowProperty().isNull());
        saveAs.setOnAction(e -> saveAs());
        Button undo = new Button("↶ Undo");
        undo.setId("undoButton");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("↷ Redo");
        redo.setId("redoButton");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        javafx.scene.control.MenuButton examples = new javafx.scene.control.MenuButton("Examples");
        examples.setId("examplesMenu");
        for (String folder : List.of("workflows", "workflows/puzzles")) {
            try (var files = java.nio.file.Files.list(HOME.resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".solution.json")).sorted().forEach(f -> {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem((folder.endsWith("puzzles") ? "Puzzle " : "")
                            + f.getFileName().toString().replace(".json", ""));
                    item.setOnAction(e -> open(f));
                    examples.getItems().add(item);
                });
            } catch (IOException e) {
                // no examples folder next to this installation: the menu stays empty
            }
        }
        Button handIn = new Button("Hand in…");
        handIn.setId("handInButton");
        handIn.disableProperty().bind(vm.workflowProperty().isNull().or(vm.runningProperty()));
        handIn.setOnAction(e -> handIn());
        return new ToolBar(neu, open, examples, new RecentMenu(vm, RecentFiles.standard(), this::open), save, saveAs, new javafx.scene.control.Separator(), undo, redo,
                new javafx.scene.control.Separator(), run, runTo, cancel, new javafx.scene.control.Separator(), handIn, authorPuzzle());
    }

    private VBox sidePanel() {
        docs.setId("nodeDocs");
        docs.setEditable(false);
        docs.setWrapText(true);
        docs.setPrefRowCount(5);
        docs.setText("Click a node to see what it does.");
        TableView<MetricRow> table = new TableView<>(vm.metrics());
        table.setId("metricsTable");
        table.getColumns().add(column("node", MetricRow::node));
        table.getColumns().add(column("metric", MetricRow::metric));
        table.getColumns().add(column("value", MetricRow::valueText));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Run the workflow to see its metrics."));
        table.setPrefHeight(170);
        VBox.setVgrow(params, Priority.ALWAYS); // the inspector takes the room; the metrics table keeps a few rows
        VBox box = new VBox(6, new PuzzleAuthoringView(vm, () -> stage), puzzlePane(), new Label("Node"), docs, new Label("Parameters (Enter to apply)"), params, new Label("Metrics"), table);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Shown only for puzzles: the story, the hints, and the check of the student's fix. */
    private VBox puzzlePane() {
        Label title = new Label();
        title.setStyle("-fx-font-weight: bold;");
        TextArea story = new TextArea();
        story.setId("puzzleStory");
        story.setEditable(false);
        story.setWrapText(true);
        story.setPrefRowCount(6);
        Button check = new Button("Check my fix");
        check.setId("checkFixButton");
        check.setOnAction(e -> vm.checkFix());
        TextArea verdict = new TextArea();
        verdict.setId("verdict");
        verdict.setEditable(false);
        verdict.setWrapText(true);
        verdict.setPrefRowCount(5);
        verdict.textProperty().bind(vm.verdictProperty());
        VBox pane = new VBox(4, title, story, check, verdict);
        pane.setId("puzzlePane");
        pane.visibleProperty().bind(vm.puzzleProperty().isNotNull().and(vm.authoringProperty().not())); // the author sees the authoring pane
        pane.managedProperty().bind(pane.visibleProperty());
        vm.puzzleProperty().addListener((o, a, p) -> {
            if (p != null) {
                title.setText("Puzzle: " + p.title());
                StringBuilder sb = new StringBuilder(p.story());
                for (int i = 0; i < p.hints().size(); i++) {
                    sb.append("\n\nHint ").append(i + 1).append(": ").append(p.hints().get(i));
                }
                story.setText(sb.toString());
            }
        });
        return pane;
    }

    private static TableColumn<MetricRow, String> column(String title, java.util.function.Function<MetricRow, String> f) {
        TableColumn<MetricRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        return c;
    }

    private VBox bottomPanel() {
        ProblemsView problems = new ProblemsView(vm, this::select);
        Label status = new Label();
        status.setId("statusBar");
        status.textProperty().bind(Bindings.concat(vm.statusProperty(), "    Device: ", vm.deviceProperty()));
        VBox.setVgrow(problems, Priority.ALWAYS);
        status.setPadding(new Insets(3, 8, 3, 8));
        this.statusBar = status;
        VBox box = new VBox(4, problems);
        box.setPadding(new Insets(6));
        return box;
    }

    private void select(String nodeId) {
        canvasSelectionEmpty.set(nodeId == null);
        var lw = vm.workflowProperty().get();
        var n = nodeId == null || lw == null ? null : lw.workflow().node(nodeId).orElse(null);
        if (n == null) {
            params.show(null, null);
            return;
        }
        if (canvas != null && !nodeId.equals(canvas.selectedNode())) {
            canvas.select(nodeId);
            return; // canvas.select calls back here
        }
        NodeDescriptor d = vm.registry().find(n.type()).orElse(null);
        params.show(n, d);
        StringBuilder sb = new StringBuilder();
        sb.append(nodeId).append(" — ").append(d == null ? "unknown type " + n.type() : d.title() + " (" + d.id() + ")").append("\n");
        // the doc and the parameters are in the inspector below; this box keeps the node's own problems in view
        vm.problems().stream().filter(p -> nodeId.equals(p.nodeId()))
                .forEach(p -> sb.append("\n").append(p.severity()).append(": ").append(p.message()).append("\n  Fix: ").append(p.fix()));
        docs.setText(sb.toString());
    }

    private void saveAs() {
        var lw = vm.workflowProperty().get();
        String name = vm.untitled() ? "workflow.json" : lw.file().getFileName().toString();
        Path f = FileDialogs.save(stage, "Save the workflow as", name, "Anneal workflows", "*.json");
        if (f != null) {
            try {
                vm.saveAs(f);
            } catch (IOException ex) {
                error("Could not save", ex.getMessage());
            }
        }
    }

    private void handIn() {
        if (vm.dirtyProperty().get()) {
            error("Save first", "Save the workflow before handing it in, so the hand-in matches your file.");
            return;
        }
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(System.getProperty("user.name"));
        ask.setHeaderText("Hand in this workflow");
        ask.setContentText("Your name:");
        ask.showAndWait().filter(a -> !a.isBlank()).ifPresent(author -> {
            vm.statusProperty().set("Handing in: running the workflow…");
            vm.handIn(author.trim()).whenComplete((path, err) -> Platform.runLater(() -> vm.statusProperty().set(err != null
                    ? "Not handed in: " + (err.getCause() != null ? err.getCause().getMessage() : err.getMessage())
                    : "Handed in as " + path)));
        });
    }

    /** Double-click in the palette: the new node goes to the right of the rightmost one. */
    private void addBesideOthers(String type) {
        double x = vm.current().nodes().stream().filter(n -> n.position() != null).mapToDouble(n -> n.position().x()).max().orElse(-230) + 230;
        double y = vm.current().nodes().stream().filter(n -> n.position() != null).mapToDouble(n -> n.position().y()).min().orElse(80);
        String id = vm.addNode(type, x, y);
        if (id != null) {
            select(id);
        }
    }

    /** Platform habits: Shortcut+Z undo, Shortcut+Shift+Z or Shortcut+Y redo, Delete removes the selection. */
    private void keys(Scene scene) {
        var undo = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
        var redo = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN,
                javafx.scene.input.KeyCombination.SHIFT_DOWN);
        var redoY = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Y, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
                return; // typing in a field: its own undo and delete apply
            }
            if (redo.match(e) || redoY.match(e)) {
                vm.redo();
                e.consume();
            } else if (undo.match(e)) {
                vm.undo();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.F5 && !vm.runningProperty().get()) {
                if (e.isShiftDown()) {
                    vm.runUpTo(canvas.selection());
                } else {
                    vm.run();
                }
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE) {
                canvas.deleteSelection(); // every selected node as one step, else the selected wire or frame
                e.consume();
            }
        });
    }

    private void open(Path file) {
        if (vm.dirtyProperty().get() && !confirmDiscard()) {
            return;
        }
        List<Problem> problems = vm.open(file);
        if (!problems.isEmpty()) {
            error("Cannot open " + file.getFileName(), problems.stream().map(Problem::describe).collect(Collectors.joining("\n")));
        } else if (vm.recoveredProperty().get() != null) {
            Platform.runLater(this::offerRecovery); // after the window is up, so start-up never blocks on a dialog
        }
    }

    private void offerRecovery() {
        if (vm.recoveredProperty().get() != null) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                    "Anneal kept a newer, unsaved version of this workflow (the editor was closed without saving, or crashed). "
                            + "Open the recovered version?", ButtonType.NO, ButtonType.YES);
            a.setHeaderText("Recovered changes");
            a.getDialogPane().setId("recoveryDialog");
            a.showAndWait().filter(b -> b == ButtonType.YES).ifPresent(b -> vm.acceptRecovery());
        }
    }

    private boolean confirmDiscard() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The workflow has unsaved changes. Discard them?", ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText("Unsaved changes");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setId("errorDetails");
        area.setEditable(false);
        area.setWrapText(true);
        a.getDialogPane().setContent(area);
        a.show();
    }

    public WorkflowViewModel viewModel() {
        return vm;
    }

    /** The canvas's selected node ids, for tests of selection gestures. */
    public java.util.Set<String> selectedNodes() {
        return canvas.selection();
    }

    /** The canvas's zoom factor (1 = 100 %). */
    public double canvasZoom() {
        return canvas.zoom();
    }

    /** Selects a node on the canvas and shows it in the inspector (for the screenshot and for tests). */
    public void showNode(String id) {
        select(id);
    }

    public Stage window() {
        return stage;
    }

    /** Instructor mode toggle: shows the puzzle authoring pane and lifts the locks while it is on. */
    private javafx.scene.control.ToggleButton authorPuzzle() {
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton("Author puzzle");
        b.setId("authorPuzzleButton");
        b.setTooltip(new javafx.scene.control.Tooltip("Instructors: lock nodes and wires, write the story, hints and goal, save as a puzzle"));
        b.selectedProperty().bindBidirectional(vm.authoringProperty());
        return b;
    }

    private javafx.scene.control.TabPane bottomTabs;

    /** Shows the value on an output port in the Data tab (a click on the port; the screenshot). */
    public void showPort(org.anneal.graph.PortRef p) {
        if (shownPort == null) {
            // after every run, the port on show is shown again: change a parameter, run, and the chart follows
            vm.runningProperty().addListener((o, was, now) -> {
                if (was && !now && shownPort != null) {
                    viewer.show(shownPort.toString(), vm.outputValue(shownPort));
                }
            });
        }
        shownPort = p;
        viewer.show(p.toString(), vm.outputValue(p));
        bottomTabs.getSelectionModel().select(1);
    }

    private org.anneal.graph.PortRef shownPort;

    /**
     * A value a node published while running (the loss curve so far) goes to the Data tab when the student looks
     * at that node: its port or a port fed by it is on show (the loss-curve node's plot), or it is selected.
     */
    private void showLive(String nodeId, org.anneal.exec.NodeEvent.Live live) {
        boolean onShow = shownPort != null && vm.feeds(nodeId, shownPort.node());
        if (onShow || nodeId.equals(canvas.selectedNode())) {
            viewer.show((onShow ? shownPort.toString() : nodeId) + " (live, " + nodeId + " is running)", live.value());
        }
    }
}
