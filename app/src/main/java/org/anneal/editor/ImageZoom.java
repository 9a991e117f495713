package org.anneal.editor;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;

/** One image enlarged in its own window: the pixel value under the mouse, and a scale bar when the image has a pixel size. */
final class ImageZoom {
    /** Largest side of the enlarged image on screen, in pixels. */
    static final double SIDE = 512;

    private ImageZoom() {
    }

    static Stage open(Node owner, TensorColumn col, int row, String caption) {
        int[] d = col.shape().dims();
        double scale = Math.max(1, Math.floor(SIDE / Math.max(d[0], d[1])));
        ImageView view = new ImageView(ImageGrid.render(col, row));
        view.setSmooth(false);
        view.setFitWidth(d[1] * scale);
        view.setFitHeight(d[0] * scale);
        Label readout = new Label(" ");
        readout.setId("zoomReadout");
        view.setOnMouseMoved(e -> {
            int x = (int) Math.min(d[1] - 1, e.getX() / scale);
            int y = (int) Math.min(d[0] - 1, e.getY() / scale);
            readout.setText(readout(col, row, x, y));
        });
        Pane picture = new Pane(view);
        Axis ax = col.shape().axis(1);
        Label bar = new Label();
        if (!Double.isNaN(ax.step()) && !ax.unit().isEmpty()) {
            double length = niceLength(d[1] * Math.abs(ax.step()) / 5);
            double px = length / Math.abs(ax.step()) * scale;
            Rectangle line = new Rectangle(12, d[0] * scale - 16, px, 4);
            line.setFill(Color.WHITE);
            line.setStroke(Color.BLACK);
            line.setId("scaleBar");
            picture.getChildren().add(line);
            bar.setText("scale bar " + trim(length) + " " + ax.unit() + " (" + trim(Math.abs(ax.step())) + " " + ax.unit() + " per pixel)");
        }
        VBox root = new VBox(4, new Label(caption + " — row " + (row + 1) + ", " + d[1] + "×" + d[0] + " pixels"), picture, readout, bar);
        Stage stage = new Stage();
        stage.setTitle(col.name() + ", row " + (row + 1));
        stage.setScene(new Scene(root));
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            stage.initOwner(owner.getScene().getWindow());
        }
        stage.show();
        return stage;
    }

    static String readout(TensorColumn col, int row, int x, int y) {
        int[] d = col.shape().dims();
        int i = col.offset(row) + (y * d[1] + x) * d[2];
        StringBuilder sb = new StringBuilder("x " + x + ", y " + y + ":");
        for (int k = 0; k < d[2]; k++) {
            sb.append(' ').append(String.format(java.util.Locale.ROOT, "%.4g", col.values()[i + k]));
        }
        return sb.toString();
    }

    /** 1, 2 or 5 times a power of ten, at most {@code about}. */
    static double niceLength(double about) {
        double p = Math.pow(10, Math.floor(Math.log10(about)));
        return about >= 5 * p ? 5 * p : about >= 2 * p ? 2 * p : p;
    }

    private static String trim(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
