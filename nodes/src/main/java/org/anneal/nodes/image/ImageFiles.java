package org.anneal.nodes.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.anneal.spec.NodeFailure;

/**
 * Reading image files through {@code javax.imageio} (PNG, JPEG, BMP, GIF; TIFF of 8/16 bits and float through
 * TwelveMonkeys' reader, which registers ahead of the JDK's and also reads the tags microscopes write): the
 * size from the header before any pixel is decoded, so an oversized file is refused cheaply, then the pixels as floats in
 * [0, 1] (integer samples divided by their largest value, float samples as stored).
 */
final class ImageFiles {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff");

    private ImageFiles() {
    }

    /**
     * Image files under {@code root} down to {@code depth} levels (1 = the folder itself), by extension, in name order;
     * with {@code subFoldersOnly} those lying directly in the folder are left out.
     */
    static List<Path> list(Path root, int depth, boolean subFoldersOnly) throws IOException {
        try (Stream<Path> s = Files.walk(root, depth)) {
            return s.filter(Files::isRegularFile).filter(ImageFiles::isImageName)
                    .filter(p -> !subFoldersOnly || !p.getParent().equals(root)).sorted().toList();
        }
    }

    static boolean isImageName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Width and height from the file's header; a located failure when no reader knows the file. */
    static int[] size(Path file, String shown) {
        return withReader(file, shown, true, r -> new int[] {r.getWidth(0), r.getHeight(0)});
    }

    /**
     * How many pages a TIFF holds (a stack of slices, frames or channels: each page is an image of its own); 1 for other
     * formats. Only the TIFF's directory chain is walked, no pixel is decoded.
     */
    static int pages(Path file, String shown) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".tif") && !n.endsWith(".tiff")) {
            return 1;
        }
        return withReader(file, shown, false, r -> Math.max(1, r.getNumImages(true)));
    }

    private interface ReaderCall<T> {
        T apply(ImageReader r) throws IOException;
    }

    /** {@code call} on a reader set to the file (metadata ignored), disposed after; any failure named by the file. */
    private static <T> T withReader(Path file, String shown, boolean forwardOnly, ReaderCall<T> call) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = reader(in, shown);
            try {
                r.setInput(in, forwardOnly, true);
                return call.apply(r);
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NodeFailure f) {
                throw f;
            }
            throw unreadable(shown, e);
        }
    }

    /**
     * The pixels as {@code [h][w][channels]} row-major floats in [0, 1]; grey from colour by the Rec. 601 luma weights. The
     * file is opened once: the header's size is checked against {@code maxPixels} before any pixel is decoded. The width
     * and height are written to {@code size}.
     */
    static float[] read(Path file, String shown, int channels, long maxPixels, int[] size) {
        return read(file, 0, shown, channels, maxPixels, size);
    }

    /** Page {@code page} (0-based) of a multi-page TIFF, as {@link #read(Path, String, int, long, int[])} reads the first. */
    static float[] read(Path file, int page, String shown, int channels, long maxPixels, int[] size) {
        BufferedImage img = withReader(file, shown, page == 0, r -> {
            long pixels = (long) r.getWidth(page) * r.getHeight(page);
            if (pixels > maxPixels) {
                throw new NodeFailure(shown + ": " + r.getWidth(page) + "×" + r.getHeight(page) + " pixels is over the limit of " + maxPixels + ".",
                        "Shrink the image first, or raise maxPixels if the memory allows.");
            }
            return r.read(page);
        });
        size[0] = img.getWidth();
        size[1] = img.getHeight();
        return pixels(img, channels);
    }

    static float[] pixels(BufferedImage img, int channels) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] out = new float[w * h * channels];
        if (img.getColorModel() instanceof IndexColorModel) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    put(out, (y * w + x) * channels, channels, ((rgb >> 16) & 255) / 255f, ((rgb >> 8) & 255) / 255f, (rgb & 255) / 255f);
                }
            }
            return out;
        }
        Raster raster = img.getRaster();
        int bands = raster.getNumBands();
        boolean colour = bands >= 3;
        float[] scale = new float[Math.min(bands, 3)];
        boolean floating = raster.getDataBuffer().getDataType() == java.awt.image.DataBuffer.TYPE_FLOAT
                || raster.getDataBuffer().getDataType() == java.awt.image.DataBuffer.TYPE_DOUBLE;
        for (int b = 0; b < scale.length; b++) {
            int bits = raster.getSampleModel().getSampleSize(b);
            scale[b] = floating ? 1f : (float) (1.0 / ((1L << bits) - 1));
        }
        if (bands == 1 && channels == 1) {
            // grey to grey: the whole raster in one call, then scaled in place (the common micrograph case)
            raster.getPixels(0, 0, w, h, out);
            if (scale[0] != 1f) {
                for (int i = 0; i < out.length; i++) {
                    out[i] *= scale[0];
                }
            }
            return out;
        }
        // whole rows at a time: per-pixel getSampleFloat calls cost more than the decoding itself
        float[] row = new float[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * channels;
                int i = x * bands;
                if (colour) {
                    put(out, o, channels, row[i] * scale[0], row[i + 1] * scale[1], row[i + 2] * scale[2]);
                } else {
                    float g = row[i] * scale[0];
                    put(out, o, channels, g, g, g);
                }
            }
        }
        return out;
    }

    private static void put(float[] out, int o, int channels, float r, float g, float b) {
        if (channels == 1) {
            out[o] = r == g && g == b ? r : 0.299f * r + 0.587f * g + 0.114f * b;
        } else {
            out[o] = r;
            out[o + 1] = g;
            out[o + 2] = b;
        }
    }

    private static ImageReader reader(ImageInputStream in, String shown) {
        if (in == null) {
            throw new NodeFailure(shown + ": cannot be opened.", "Check that the file exists and can be read.");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new NodeFailure(shown + ": no image reader recognises this file (not an image, or a format Java cannot read).",
                    "Remove it from the folder or convert it to PNG or TIFF.");
        }
        return readers.next();
    }

    private static NodeFailure unreadable(String shown, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new NodeFailure(shown + ": cannot be read as an image (" + why + ").", "The file may be damaged or cut short; remove or replace it.");
    }
}
