package org.anneal.editor;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.anneal.data.Table;
import org.anneal.graph.NodeInstance;
import org.anneal.graph.PortRef;
import org.anneal.ml.Plot;

/**
 * The "Before/after" tab under the canvas: for the selected block, when it processes a spectrum or signal column
 * ({@link BeforeAfter}), one row as it went in and as it came out of the last run, overlaid on the physical axis, with
 * a row chooser (and a channel chooser for signals of several channels). It reads the run's cached tables, one row at a
 * time, so a table of a million spectra previews as fast as one of ten. "Show in Data tab" hands the chart to the data
 * pane, which opens it in a window of its own or exports it as PNG.
 */
final class BeforeAfterPane extends HBox {
    private final WorkflowViewModel vm;
    private static final String PROMPT = "Select a block that processes a spectrum or signal column (smoothing, a baseline, a derivative, "
            + "peaks, windows…) or a log (resampling, lags) after a run to see a row before and after it.";
    private final Label heading = new Label("Before and after");
    private final Label status = new Label();
    private final Spinner<Integer> row = new Spinner<>();
    private final Spinner<Integer> channel = new Spinner<>();
    private final Label rowName = new Label();
    private final Label rowLabel = new Label("Row");
    private final HBox charts = new HBox(4);
    private final Button toData = new Button("Show in Data tab");
    private final VBox controls;
    private final HBox chooser;
    private String nodeId;
    private BeforeAfter.Target target;
    private Table before;
    private Table after;
    private Table events;
    private BeforeAfter.Rows rows;

    /** @param showInData shows a plot in the Data tab under a title (the editor's value viewer) */
    BeforeAfterPane(WorkflowViewModel vm, BiConsumer<String, Plot> showInData) {
        super(4);
        this.vm = vm;
        setPadding(new javafx.geometry.Insets(4));
        setId("beforeAfter");
        heading.setStyle("-fx-font-weight: bold;");
        status.setId("previewStatus");
        status.setWrapText(true);
        row.setId("previewRow");
        row.setEditable(true);
        row.setPrefWidth(110);
        channel.setId("previewChannel");
        channel.setPrefWidth(80);
        rowName.setId("previewRowName");
        charts.setId("previewCharts");
        toData.setId("previewToData");
        toData.setOnAction(e -> charts.getChildren().stream().map(n -> ((PlotChart) n).plot()).forEach(p -> showInData.accept(nodeId + " " + p.title(), p)));
        heading.setWrapText(true);
        rowName.setWrapText(true);
        chooser = new HBox(6, rowLabel, row, channel);
        chooser.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.valueProperty().addListener((o, a, b) -> draw());
        channel.valueProperty().addListener((o, a, b) -> draw());
        controls = new VBox(6, heading, status, chooser, rowName, toData);
        controls.setPrefWidth(230);
        controls.setMinWidth(200);
        controls.setPadding(new javafx.geometry.Insets(6));
        javafx.scene.layout.HBox.setHgrow(charts, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(controls, charts);
        vm.runningProperty().addListener((o, was, now) -> {
            if (was && !now) {
                show(nodeId); // the run's new values
            }
        });
        vm.openedProperty().addListener((o, a, b) -> show(null));
        show(null);
    }

    /**
     * Shows the preview of node {@code id} (null: none), if it is a block that has one.
     *
     * @return whether a row is on show (the run has values for the block)
     */
    boolean show(String id) {
        nodeId = id;
        NodeInstance n = id == null || vm.workflowProperty().get() == null ? null : vm.current().node(id).orElse(null);
        target = n == null ? null : BeforeAfter.of(id, vm.registry().find(n.type()).orElse(null), n.params(), vm.findings().validation()).orElse(null);
        charts.getChildren().clear();
        rows = null;
        if (target == null) {
            heading.setText("Before and after");
            status.setText(PROMPT);
            status.setVisible(true);
            status.setManaged(true);
            for (javafx.scene.Node x : List.of(chooser, rowName, toData)) {
                x.setVisible(false);
                x.setManaged(false);
            }
            return false;
        }
        heading.setText("Before and after: " + target.column());
        rowLabel.setText(target.drawing() == null ? "Row" : target.drawing().entry());
        before = vm.outputValue(target.upstream()) instanceof Table t ? t : null;
        after = vm.outputValue(new PortRef(id, target.output())) instanceof Table t ? t : null;
        events = target.events() != null && vm.outputValue(new PortRef(id, target.events())) instanceof Table t ? t : null;
        boolean untouched = before != null && after != null && BeforeAfter.passesThrough(before, after, target);
        rows = before == null || after == null || untouched ? null : BeforeAfter.rows(before, after, target).orElse(null);
        status.setText(before == null || after == null ? "Run the workflow to see one row of '" + target.column() + "' before and after this block."
                : untouched ? "'" + target.column() + "' comes out of this block as it went in (what the block adds is in other columns), "
                        + "so there is nothing to set side by side."
                : rows == null ? "The rows coming out are not the rows going in, so they cannot be set side by side." : "");
        status.setVisible(!status.getText().isEmpty());
        status.setManaged(status.isVisible());
        for (javafx.scene.Node x : List.of(chooser, rowName, toData)) {
            x.setVisible(rows != null);
            x.setManaged(rows != null);
        }
        if (rows == null) {
            return false;
        }
        int keep = row.getValue() == null ? 1 : Math.min(row.getValue(), rows.count()); // the same row after a re-run
        row.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, rows.count(), keep));
        channel.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, rows.channels(), 1));
        channel.setVisible(rows.channels() > 1);
        channel.setManaged(rows.channels() > 1);
        draw();
        return true;
    }

    private void draw() {
        if (rows == null || row.getValue() == null || channel.getValue() == null) {
            return;
        }
        int r = Math.max(0, Math.min(rows.count(), row.getValue()) - 1);
        rowName.setText(rows.name(r));
        List<Plot> plots = BeforeAfter.plots(before, after, target, rows, r, Math.min(rows.channels(), channel.getValue()) - 1, events);
        charts.getChildren().setAll(plots.stream().map(p -> {
            PlotChart c = new PlotChart(p);
            c.setId("previewChart");
            javafx.scene.layout.HBox.setHgrow(c, javafx.scene.layout.Priority.ALWAYS);
            return c;
        }).toList());
    }
}
