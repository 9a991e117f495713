package org.anneal.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anneal.data.Column;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.controlsfx.control.GridView;
import org.controlsfx.control.GridCell;

/**
 * The rows of a table with an image column as a grid of thumbnails, each with its label and group beneath and, when the
 * table has predictions, the prediction and whether it is wrong (or its error); the rows can be sorted by label,
 * prediction, error or group and filtered to one class ({@link ImageRows}). The grid is virtualised (ControlsFX GridView): a thumbnail is drawn only when its cell comes into view, so ten
 * thousand micrographs scroll as a hundred do. Grey images are stretched from their own darkest to brightest pixel (an
 * FFT's log power has no fixed range); RGB is shown as stored, clipped to [0, 1]. Click a thumbnail to enlarge it.
 */
public final class ImageGrid extends VBox {
    static final double THUMB = 96;

    private final Table table;
    private final ImageRows rows;
    private final GridView<Integer> grid = new GridView<>();
    private final ComboBox<String> columnChoice = new ComboBox<>();
    private final ComboBox<String> classFilter = new ComboBox<>();
    private final ComboBox<ImageRows.Order> sort = new ComboBox<>();
    private TensorColumn images;
    /** Rows whose thumbnail has been drawn: with the virtualised grid, the cells scrolled past, never the whole column. */
    private final java.util.BitSet rendered = new java.util.BitSet();

    public ImageGrid(Table t) {
        super(4);
        setId("imageGrid");
        this.table = t;
        this.rows = new ImageRows(t);
        List<String> names = imageColumns(t).stream().map(Column::name).toList();
        columnChoice.setId("imageColumn");
        columnChoice.setItems(FXCollections.observableArrayList(names));
        columnChoice.setValue(names.get(0));
        columnChoice.setOnAction(e -> refresh());
        classFilter.setId("imageClassFilter");
        HBox bar = new HBox(8, new Label("Image column"), columnChoice);
        bar.setAlignment(Pos.CENTER_LEFT);
        if (!rows.classes().isEmpty()) {
            List<String> choices = new ArrayList<>(List.of(ImageRows.ALL_CLASSES));
            choices.addAll(rows.classes());
            classFilter.setItems(FXCollections.observableArrayList(choices));
            classFilter.setValue(ImageRows.ALL_CLASSES);
            classFilter.setOnAction(e -> refresh());
            bar.getChildren().addAll(new Label("Show"), classFilter);
        }
        if (rows.orders().size() > 1) {
            sort.setId("imageSort");
            sort.setItems(FXCollections.observableArrayList(rows.orders()));
            sort.setValue(ImageRows.Order.ROW);
            sort.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(ImageRows.Order o) {
                    return o == null ? "" : o.title;
                }

                @Override
                public ImageRows.Order fromString(String s) {
                    return rows.orders().stream().filter(o -> o.title.equals(s)).findFirst().orElse(ImageRows.Order.ROW);
                }
            });
            sort.setOnAction(e -> refresh());
            bar.getChildren().addAll(new Label("Sort by"), sort);
        }
        grid.setId("thumbnails");
        grid.setCellWidth(THUMB + 8);
        grid.setCellHeight(THUMB + 52);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new Thumbnail());
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(bar, grid);
        refresh();
    }

    /** Tensor columns a picture can be made of: [y, x, channel] with one or three channels. */
    public static List<TensorColumn> imageColumns(Table t) {
        return t.columns().stream().filter(c -> c instanceof TensorColumn tc && tc.shape().rank() == 3
                && (tc.shape().dims()[2] == 1 || tc.shape().dims()[2] == 3)).map(TensorColumn.class::cast).toList();
    }

    /** How many rows have had their thumbnail drawn since the grid was made (lazy thumbnails: a test counts them). */
    public int thumbnailsRendered() {
        return rendered.cardinality();
    }

    /** The rows on show (the class filter applied). */
    public List<Integer> shownRows() {
        return List.copyOf(grid.getItems());
    }

    private void refresh() {
        images = (TensorColumn) table.column(columnChoice.getValue()).orElseThrow();
        ImageRows.Order order = sort.getValue() == null ? ImageRows.Order.ROW : sort.getValue();
        grid.setItems(FXCollections.observableArrayList(rows.rows(order, classFilter.getValue())));
    }

    /** Caption under a thumbnail: the label (or prediction), then the group. */
    String caption(int row) {
        return rows.caption(row);
    }

    private final class Thumbnail extends GridCell<Integer> {
        private final ImageView view = new ImageView();
        private final Label caption = new Label();
        private final Label predicted = new Label();

        Thumbnail() {
            view.setFitWidth(THUMB);
            view.setFitHeight(THUMB);
            view.setPreserveRatio(true);
            caption.getStyleClass().add("image-caption");
            caption.setMaxWidth(THUMB);
            predicted.getStyleClass().add("image-prediction");
            predicted.setMaxWidth(THUMB);
            VBox box = new VBox(2, view, caption, predicted);
            box.setAlignment(Pos.TOP_CENTER);
            setGraphic(box);
            getStyleClass().add("image-thumbnail");
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    String p = rows.predicted(getItem());
                    ImageZoom.open(this, images, getItem(), caption(getItem()) + (p.isEmpty() ? "" : " " + p));
                }
            });
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                view.setImage(null);
                caption.setText("");
                predicted.setText("");
                setTooltip(null);
                return;
            }
            view.setImage(images.isMissing(row) ? null : render(images, row));
            rendered.set(row);
            view.setSmooth(images.shape().dims()[1] > THUMB); // small images: sharp pixels, not a blur
            caption.setText(caption(row));
            predicted.setText(rows.predicted(row));
            setTooltip(new Tooltip("row " + (row + 1) + ": " + caption(row) + (predicted.getText().isEmpty() ? "" : " " + predicted.getText())));
        }
    }

    /** One row of an image column as a picture at its own size. */
    public static WritableImage render(TensorColumn col, int row) {
        int[] d = col.shape().dims();
        int h = d[0];
        int w = d[1];
        int c = d[2];
        float[] v = col.values();
        int o = col.offset(row);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < h * w * c; i++) {
            lo = Math.min(lo, v[o + i]);
            hi = Math.max(hi, v[o + i]);
        }
        float span = hi > lo ? hi - lo : 1;
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = o + (y * w + x) * c;
                int argb;
                if (c == 1) {
                    int g = Math.round((v[i] - lo) / span * 255);
                    argb = 0xff000000 | g << 16 | g << 8 | g;
                } else {
                    argb = 0xff000000 | byteOf(v[i]) << 16 | byteOf(v[i + 1]) << 8 | byteOf(v[i + 2]);
                }
                pw.setArgb(x, y, argb);
            }
        }
        return img;
    }

    private static int byteOf(float f) {
        return Math.round(Math.min(1, Math.max(0, f)) * 255);
    }
}
