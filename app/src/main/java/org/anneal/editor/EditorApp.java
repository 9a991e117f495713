package org.anneal.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.anneal.exec.Executor;
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
    private FileActions files;
    private final TextArea docs = new TextArea();
    private InspectorView params;
    private BeforeAfterPane preview;
    /** Canvas above, the Problems / Data / Before-after tabs below. */
    private SplitPane work;
    private ValueViewer viewer;
    private Label statusBar;
    private CanvasView canvas;
    /** Whether no node is selected (the primary selection is empty), for "Run to selected". */
    private final javafx.beans.property.BooleanProperty canvasSelectionEmpty = new javafx.beans.property.SimpleBooleanProperty(true);

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Theme.apply();
        Executor executor = Executor.standard();
        vm = new WorkflowViewModel(NodeRegistry.standard(), executor, Platform::runLater);
        files = new FileActions(vm, primary);
        params = new InspectorView(vm);
        preview = new BeforeAfterPane(vm, (title, plot) -> {
            viewer.show(title, plot);
            bottomTabs.getSelectionModel().select(1);
        });
        javafx.scene.control.Tab previewTab = new javafx.scene.control.Tab("Before/after", preview);
        previewTab.setId("previewTab");
        canvas = new CanvasView(vm, this::select);
        this.viewer = new ValueViewer();
        PaletteView palette = new PaletteView(vm.registry(), this::addBesideOthers);

        BorderPane root = new BorderPane();
        root.setTop(new VBox(EditorMenus.build(vm, files, canvas, this::quit, () -> presentation.toggle()), EditorToolbar.build(vm, files, canvas, canvasSelectionEmpty)));
        javafx.scene.control.ScrollPane side = new javafx.scene.control.ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setFitToHeight(true); // fills the column; scrolls only when the inspector needs more room
        javafx.scene.control.TabPane bottom = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Problems", bottomPanel()), new javafx.scene.control.Tab("Data", viewer), previewTab);
        bottom.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        this.bottomTabs = bottom;
        canvas.onPortClick(this::showPort);
        vm.liveValues().addListener((javafx.collections.MapChangeListener<String, org.anneal.exec.NodeEvent.Live>) c -> {
            if (c.wasAdded()) {
                showLive(c.getKey(), c.getValueAdded());
            }
        });
        // the data pane sits under the canvas only: the side column keeps the window's full height, so a chart
        // that grows the data pane never pushes the inspector's parameters below the fold (InspectorRoomTest)
        work = new SplitPane(canvas, bottom);
        work.setOrientation(Orientation.VERTICAL);
        work.setDividerPositions(0.7);
        SplitPane centre = new SplitPane(palette, work, side);
        centre.setDividerPositions(0.16, 0.74);
        root.setBottom(statusBar);
        root.setCenter(centre);
        vm.openedProperty().addListener((o, a, b) -> forgetPreviousWorkflow());
        viewer.setOnChartShown(() -> DataPaneRoom.makeRoomForChart(work));

        presentation = new PresentationMode(root, centre, work, canvas);
        Scene scene = new Scene(root, 1280, 800);
        Theme.style(scene);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.P, javafx.scene.input.KeyCombination.SHORTCUT_DOWN,
                javafx.scene.input.KeyCombination.SHIFT_DOWN), presentation::toggle);
        EditorKeys.install(scene, vm, canvas);
        CanvasKeys.install(scene, canvas);
        primary.setScene(scene);
        primary.titleProperty().bind(Bindings.createStringBinding(() -> "Anneal — "
                        + (vm.workflowProperty().get() == null ? "no workflow" : vm.workflowProperty().get().workflow().meta().title())
                        + (vm.dirtyProperty().get() ? " *" : ""),
                vm.workflowProperty(), vm.dirtyProperty()));
        primary.setOnCloseRequest(e -> {
            if (!files.readyToLeave()) {
                e.consume();
            } else {
                executor.close();
            }
        });
        primary.show();

        List<String> args = getParameters().getRaw();
        Path initial = !args.isEmpty() ? Path.of(args.get(0)) : (Files.exists(DEFAULT_EXAMPLE) ? DEFAULT_EXAMPLE : null);
        if (initial != null) {
            files.open(initial);
        }
        if (vm.workflowProperty().get() == null) {
            vm.newWorkflow(Path.of("").toAbsolutePath()); // always something to draw on, even after a broken file
        }
        if (System.getProperty("anneal.screenshot") != null) {
            Screenshot.takeAfterRun(this, Path.of(System.getProperty("anneal.screenshot")), System.getProperty("anneal.screenshot.select"));
        }
        if (Boolean.getBoolean("anneal.startupProbe")) {
            EmptyWindow.reportFirstFrameAndExit(); // benchmark hook, measured the same way as the empty window
        }
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
        TableCopy.install(table, null, m -> List.of(m.node(), m.metric(), m.fullText()));
        table.setPrefHeight(170);
        VBox.setVgrow(params, Priority.ALWAYS); // the inspector takes the room; the metrics table keeps a few rows
        VBox box = new VBox(6, new LessonPane(vm), new PuzzleAuthoringView(vm, () -> stage), puzzlePane(), new Label("Node"), docs, new Label("Parameters (Enter to apply)"), params, new Label("Metrics"), table);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Shown only for puzzles: the check of the student's fix (the story and hints are in the lesson above). */
    private VBox puzzlePane() {
        Button check = new Button("Check my fix");
        check.setId("checkFixButton");
        check.setOnAction(e -> vm.checkFix());
        TextArea verdict = new TextArea();
        verdict.setId("verdict");
        verdict.setEditable(false);
        verdict.setWrapText(true);
        verdict.setPrefRowCount(5);
        verdict.textProperty().bind(vm.verdictProperty());
        VBox pane = new VBox(4, check, verdict);
        pane.setId("puzzlePane");
        pane.visibleProperty().bind(vm.puzzleProperty().isNotNull().and(vm.authoringProperty().not())); // the author sees the authoring pane
        pane.managedProperty().bind(pane.visibleProperty());
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
        if (preview.show(n == null ? null : nodeId)) { // a processing block after a run: its effect on a row, at once
            bottomTabs.getSelectionModel().select(2);
            DataPaneRoom.makeRoomForChart(work);
        }
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

    /** Double-click in the palette: the new node goes to the right of the rightmost one. */
    private void addBesideOthers(String type) {
        double x = vm.current().nodes().stream().filter(n -> n.position() != null).mapToDouble(n -> n.position().x()).max().orElse(-230) + 230;
        double y = vm.current().nodes().stream().filter(n -> n.position() != null).mapToDouble(n -> n.position().y()).min().orElse(80);
        String id = vm.addNode(type, x, y);
        if (id != null) {
            select(id);
        }
    }

    /** File > Quit: the same question as closing the window, then the workbench ends. */
    private void quit() {
        if (files.readyToLeave()) {
            stage.close();
            Platform.exit();
        }
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

    private PresentationMode presentation;

    /** Turns presentation mode on or off, as Ctrl+Shift+P does. */
    void togglePresentation() {
        presentation.toggle();
    }

    /** Whether presentation mode (large fonts, thick wires, canvas only) is on. */
    public boolean presenting() {
        return presentation.onProperty().get();
    }

    /** Another workflow was opened or created: nothing may still show the previous one's node, value or selection. */
    private void forgetPreviousWorkflow() {
        shownPort = null;
        viewer.clear();
        if (canvas != null) {
            canvas.clearSelection();
        }
        select(null);
        docs.setText("Click a node to see what it does.");
        if (bottomTabs != null) {
            bottomTabs.getSelectionModel().select(0); // the new workflow's problems
        }
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
