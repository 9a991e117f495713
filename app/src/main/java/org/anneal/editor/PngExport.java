package org.anneal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Writes what a node shows on screen to a PNG file (a chart for a report, the whole window for the docs). */
public final class PngExport {
    private PngExport() {
    }

    /**
     * Snapshots {@code node} (on the FX thread) at {@code scale} times its size and writes it atomically,
     * so a half-written image never replaces a good one.
     */
    public static void write(Node node, double scale, Path file) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        WritableImage image = node.snapshot(p, null);
        write(image, file);
    }

    public static void write(WritableImage image, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), ".export", ".png");
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
