package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;

/**
 * Shows the value on an output port after a run: a virtualised table for tables (column type and missing
 * count in each header, so a million rows stay smooth), a metric/value table for metrics, a chart for
 * plots (with PNG export), a description for learners, models and states.
 */
public final class ValueViewer extends VBox {
    private static final String PROMPT = "Click an output port (right side of a node) after a run to see its value.";
    private final Label title = new Label(PROMPT);
    private final TableView<Integer> table = new TableView<>();
    private final TableView<Map.Entry<String, Double>> metrics = new TableView<>();
    private final StackPane chartHolder = new StackPane();
    /** The thumbnail grid of a table with an image column (see {@link ImageGrid}). */
    private final StackPane imageHolder = new StackPane();
    private final Button export = new Button("Export PNG…");
    private final Button detach = new Button("Open in window");
    private final Label exportStatus = new Label();
    /** The chart view the student picked last (Parity, ...), kept when the next value offers it too. */
    private String chosenView;
    /** Table / chart switches for a predictions table (see {@link QuickPlots}). */
    private final HBox views = new HBox(2);
    /** The view for each kind of value, found by the value's class. */
    private final ViewRegistry<ValueView<?>> viewsByType = new ViewRegistry<>();

    public ValueViewer() {
        super(4);
        setId("valueViewer");
        title.setId("valueTitle");
        title.setWrapText(true);
        table.setId("dataViewer");
        table.setPlaceholder(new Label(""));
        metrics.setId("metricsViewer");
        TableColumn<Map.Entry<String, Double>, String> name = new TableColumn<>("metric");
        name.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().getKey()));
        TableColumn<Map.Entry<String, Double>, String> value = new TableColumn<>("value");
        value.setCellValueFactory(cd -> new SimpleStringProperty(new MetricRow("", "", cd.getValue().getValue()).valueText()));
        metrics.getColumns().add(name);
        metrics.getColumns().add(value);
        TableCopy.install(metrics, null, e -> List.of(e.getKey(), ReadableNumber.full(e.getValue())));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        chartHolder.setId("chartHolder");
        export.setId("exportPngButton");
        export.setOnAction(e -> exportChart());
        detach.setId("detachChartButton");
        detach.setTooltip(new javafx.scene.control.Tooltip("Show this chart in its own resizable window (several can stand side by side)"));
        detach.setOnAction(e -> detachChart());
        exportStatus.setId("exportStatus");
        views.setId("valueViews");
        HBox bar = new HBox(8, title, views, detach, export, exportStatus);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        // in the narrower data pane under the canvas the title wraps; the buttons keep their words ("Par…" read as nothing)
        detach.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        views.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> views.getChildren()
                .forEach(n -> ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE)));
        getChildren().addAll(bar, table);
        show(Pane.TABLE);
        registerStandardViews();
    }

    private enum Pane { TABLE, METRICS, CHART, IMAGES }

    private void show(Pane pane) {
        javafx.scene.Node body = switch (pane) {
            case TABLE -> table;
            case METRICS -> metrics;
            case CHART -> chartHolder;
            case IMAGES -> imageHolder;
        };
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().set(1, body);
        export.setVisible(pane == Pane.CHART);
        export.setManaged(pane == Pane.CHART);
        detach.setVisible(pane == Pane.CHART);
        detach.setManaged(pane == Pane.CHART);
        if (pane == Pane.CHART) {
            onChartShown.run();
        }
        exportStatus.setText("");
    }

    private Runnable onChartShown = () -> { };

    /** Called whenever a chart comes on show (a plot port, a Parity view): the window can make room for it. */
    public void setOnChartShown(Runnable r) {
        onChartShown = r == null ? () -> { } : r;
    }

    /** Back to the empty viewer (another workflow was opened: its values are not this one's). */
    public void clear() {
        table.getColumns().clear();
        table.setItems(FXCollections.observableArrayList());
        chartHolder.getChildren().clear();
        imageHolder.getChildren().clear();
        views.getChildren().clear();
        chosenView = null;
        show(Pane.TABLE);
        title.setText(PROMPT);
    }

    public void show(String port, Object value) {
        table.getColumns().clear();
        table.setItems(FXCollections.observableArrayList());
        chartHolder.getChildren().clear();
        views.getChildren().clear();
        show(Pane.TABLE);
        if (value == null) {
            title.setText(port + ": no value yet; run the workflow first.");
            return;
        }
        viewFor(value).show(port, value);
    }

    /** Shows one kind of value: sets the title and fills the pane it needs. */
    @FunctionalInterface
    public interface ValueView<T> {
        void show(String port, T value);
    }

    /** Adds (or replaces) the view for values of {@code type}; the most specific registered type wins. */
    public <T> void register(Class<T> type, ValueView<? super T> view) {
        viewsByType.register(type, view);
    }

    @SuppressWarnings("unchecked")
    private ValueView<Object> viewFor(Object value) {
        return (ValueView<Object>) viewsByType.find(value.getClass()).orElseThrow(); // Object is registered, so something always matches
    }

    private void registerStandardViews() {
        register(Object.class, (port, v) -> title.setText(port + ": " + v));
        register(Table.class, this::showTable);
        register(Metrics.class, (port, m) -> {
            title.setText(port + ": " + m.values().size() + " metrics on " + m.rows() + " rows");
            metrics.setItems(FXCollections.observableArrayList(m.values().entrySet()));
            show(Pane.METRICS);
        });
        register(Plot.class, (port, p) -> {
            title.setText(port + ": " + (p.title() == null || p.title().isBlank() ? p.kind().name().toLowerCase(java.util.Locale.ROOT) + " plot" : p.title()));
            PlotChart chart = new PlotChart(p);
            chart.setId("plotChart");
            chartHolder.getChildren().setAll(chart);
            show(Pane.CHART);
        });
        register(TrainedModel.class, (port, m) -> title.setText(port + ": " + m.describe() + "\nTarget " + m.target() + "; parameters " + m.parameters()));
        register(Learner.class, (port, l) -> title.setText(port + ": " + l.describe()));
        register(FittedTransform.class, (port, f) -> title.setText(port + ": " + f.describe()));
    }

    private void showTable(String port, Table t) {
        title.setText(port + ": " + t.rowCount() + " rows × " + t.columnCount() + " columns");
        TableColumn<Integer, String> index = new TableColumn<>("#");
        index.setCellValueFactory(cd -> new SimpleStringProperty(Integer.toString(cd.getValue() + 1)));
        table.getColumns().add(index);
        for (Column c : t.columns()) {
            String header = c.name() + "\n" + c.spec().typeLabel() + " · " + c.role().jsonName()
                    + (c.missingCount() > 0 ? " · " + c.missingCount() + " missing" : "");
            if (c instanceof org.anneal.data.NumericColumn n) {
                table.getColumns().add(numberColumn(header, n));
                continue;
            }
            TableColumn<Integer, String> col = new TableColumn<>(header);
            col.setCellValueFactory(cd -> new SimpleStringProperty(c.text(cd.getValue())));
            table.getColumns().add(col);
        }
        // Ctrl+C: the selected rows with the column names, every number at full precision
        TableCopy.install(table, String.join("\t", t.columns().stream().map(Column::name).toList()),
                row -> t.columns().stream().map(c -> c.text(row)).toList());
        // the items are row numbers; cells read the columns lazily, so only visible rows are ever formatted
        table.setItems(FXCollections.observableArrayList(IntStream.range(0, t.rowCount()).boxed().toList()));
        offerCharts(ComponentPlots.addTo(SignalPlots.addTo(SpectrumPlots.addTo(QuickPlots.forPredictions(t), t), t), t));
        offerImages(t);
    }

    /** A table with an image column can also be seen as thumbnails (a toggle beside Table and the charts). */
    private void offerImages(Table t) {
        if (ImageGrid.imageColumns(t).isEmpty()) {
            return;
        }
        javafx.scene.control.ToggleGroup group;
        if (views.getChildren().isEmpty()) {
            group = new javafx.scene.control.ToggleGroup();
            javafx.scene.control.ToggleButton asTable = new javafx.scene.control.ToggleButton("Table");
            asTable.setId("view-Table");
            asTable.setToggleGroup(group);
            asTable.setSelected(true);
            asTable.setOnAction(e -> show(Pane.TABLE));
            views.getChildren().add(asTable);
        } else {
            group = ((javafx.scene.control.ToggleButton) views.getChildren().get(0)).getToggleGroup();
        }
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton("Images");
        b.setId("view-Images");
        b.setToggleGroup(group);
        b.setOnAction(e -> {
            imageHolder.getChildren().setAll(new ImageGrid(t));
            show(Pane.IMAGES);
        });
        views.getChildren().add(b);
    }

    private void offerCharts(Map<String, Plot> plots) {
        if (plots.isEmpty()) {
            return;
        }
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton asTable = new javafx.scene.control.ToggleButton("Table");
        asTable.setId("view-Table");
        asTable.setToggleGroup(group);
        asTable.setSelected(true);
        asTable.setOnAction(e -> {
            chosenView = null;
            show(Pane.TABLE);
        });
        views.getChildren().add(asTable);
        plots.forEach((name, plot) -> {
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(name);
            b.setId("view-" + name.replace(' ', '_'));
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                chosenView = name;
                PlotChart chart = new PlotChart(plot);
                chart.setId("plotChart");
                chartHolder.getChildren().setAll(chart);
                show(Pane.CHART);
            });
            views.getChildren().add(b);
        });
        if (chosenView != null && plots.containsKey(chosenView)) { // the same value after a re-run: stay on its chart
            views.getChildren().stream().map(javafx.scene.control.ToggleButton.class::cast).filter(b -> b.getText().equals(chosenView))
                    .findFirst().ifPresent(javafx.scene.control.ToggleButton::fire); // selects it and draws its chart
        }
        // a toggle group lets the selected button be clicked off; keep one view always chosen
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
    }

    /** A number column: rounded for reading, sorted by the full value (2 before 10, missing last). */
    private static TableColumn<Integer, Double> numberColumn(String header, org.anneal.data.NumericColumn n) {
        TableColumn<Integer, Double> col = new TableColumn<>(header);
        col.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(n.get(cd.getValue())));
        col.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : ReadableNumber.of(v));
            }
        });
        col.setComparator((a, b) -> a.isNaN() || b.isNaN() ? Boolean.compare(a.isNaN(), b.isNaN()) : Double.compare(a, b));
        return col;
    }

    /** The chart on show, or null. */
    public PlotChart chart() {
        return chartHolder.getChildren().isEmpty() ? null : (PlotChart) chartHolder.getChildren().get(0);
    }

    /** The chart on show in a window of its own, which stays as it is while the data pane moves on. */
    public javafx.stage.Stage detachChart() {
        PlotChart chart = chart();
        if (chart == null) {
            return null;
        }
        PlotChart copy = new PlotChart(chart.plot());
        copy.setId("detachedChart");
        javafx.stage.Stage window = new javafx.stage.Stage();
        window.setTitle(title.getText());
        window.setScene(new javafx.scene.Scene(copy, 720, 520));
        if (getScene() != null && getScene().getWindow() != null) {
            window.initOwner(getScene().getWindow()); // closes with the workbench
        }
        window.show();
        return window;
    }

    private void exportChart() {
        PlotChart chart = chart();
        if (chart == null) {
            return;
        }
        String name = (chart.plot().title() == null || chart.plot().title().isBlank() ? "chart" : chart.plot().title())
                .replaceAll("[^A-Za-z0-9._-]+", "-") + ".png";
        Path target = FileDialogs.save(getScene() == null ? null : getScene().getWindow(), "Export chart as PNG", name, "PNG images", "*.png");
        if (target == null) {
            return;
        }
        try {
            PngExport.write(chart, 2, target); // twice the screen size: sharp in a report
            exportStatus.setText("Saved " + target.getFileName());
        } catch (IOException ex) {
            exportStatus.setText("Not saved: " + ex.getMessage());
        }
    }
}
