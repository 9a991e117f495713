import ij.ImagePlus;
import ij.measure.Measurements;
import ij.measure.ResultsTable;
import ij.plugin.filter.ParticleAnalyzer;
import ij.process.AutoThresholder;
import ij.process.ByteProcessor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.nodes.image.ImagesNode;
import org.anneal.nodes.image.Microstructure;
import org.anneal.nodes.image.SegmentNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.Shape;

/**
 * The two in-JVM measurements of bench/image-measure-bench.sh, each side timed in the same JVM, alternating, after a
 * warm-up, medians of REPS runs:
 * 1. Otsu + connected components on a 2048×2048 generated micrograph: image.segment (execute, Otsu, dark phase,
 *    8-connected, as ImageJ counts) against ImageJ 1 called directly the way its users do: AutoThresholder Otsu on the
 *    8-bit histogram, then ParticleAnalyzer (SHOW_NONE, area) on the thresholded ByteProcessor. The counts must agree.
 * 2. Loading DIR (N PNGs of 256×256): data.images (execute) against javax.imageio.ImageIO.read in a plain loop keeping
 *    float rasters in [0, 1]; plus the bytes per pixel the loaded table holds (heap after GC with the table held, minus
 *    before). Run in source-file mode: java -cp <app classpath> bench/ImageMeasureBench.java DIR N REPS
 */
public final class ImageMeasureBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        makePngs(dir, n);
        segmentation(reps);
        loading(dir, n, reps);
        System.exit(0); // ImageJ's threads are not daemons
    }

    static void makePngs(Path dir, int n) throws Exception {
        if (Files.isDirectory(dir) && Files.list(dir).count() == n) {
            return;
        }
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            Microstructure m = Microstructure.draw(256, 20, 0.25, 0, 0.7, 0.03, new Random(i));
            BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_GRAY);
            int[] px = new int[256 * 256];
            for (int k = 0; k < px.length; k++) {
                px[k] = Math.round(m.image()[k] * 255);
            }
            img.getRaster().setPixels(0, 0, 256, 256, px);
            ImageIO.write(img, "png", dir.resolve(String.format("m%05d.png", i)).toFile());
        }
    }

    static void segmentation(int reps) throws Exception {
        int size = 2048;
        Microstructure m = Microstructure.draw(size, 24, 0.25, 0, 0.7, 0.03, new Random(7));
        float[] grey = new float[size * size];
        byte[] bytes = new byte[size * size];
        for (int i = 0; i < grey.length; i++) {
            int v = Math.round(m.image()[i] * 255);
            bytes[i] = (byte) v;
            grey[i] = v / 255f; // the same 8-bit image on both sides
        }
        Table t = new Table(List.of(new TensorColumn("image", ColumnRole.FEATURE, Shape.image(size, size, 1), grey, new boolean[1], "")));
        var p = new SegmentNode.Params("", SegmentNode.Method.OTSU, 0.5, SegmentNode.Side.DARK, SegmentNode.Connectivity.EIGHT, 1,
                false, 0, 0, false);
        var ctx = new StandaloneContext("segment", 1, Path.of("."));
        double[] ours = new double[reps];
        double[] imagej = new double[reps];
        double count = 0;
        int ijCount = 0;
        for (int r = -2; r < reps; r++) { // two warm-up rounds
            long t0 = System.nanoTime();
            Table out = (Table) new SegmentNode().execute(new Inputs(Map.of("table", t)), p, ctx).get("out");
            long t1 = System.nanoTime();
            ijCount = imagejParticles(bytes, size);
            long t2 = System.nanoTime();
            count = out.numeric("particle_count").get(0);
            if (r >= 0) {
                ours[r] = (t1 - t0) / 1e9;
                imagej[r] = (t2 - t1) / 1e9;
            }
        }
        double a = median(ours);
        double b = median(imagej);
        System.out.printf(Locale.ROOT, "otsu+components 2048x2048: image.segment %.3f s, ImageJ (AutoThresholder + ParticleAnalyzer) %.3f s, "
                + "ratio %.2f (goal <= 1.1); particles %d vs %d%n", a, b, a / b, (long) count, ijCount);
        System.out.println("  runs image.segment " + Arrays.toString(ours) + " ImageJ " + Arrays.toString(imagej));
    }

    static int imagejParticles(byte[] bytes, int size) {
        ByteProcessor bp = new ByteProcessor(size, size, bytes.clone());
        int k = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, bp.getHistogram());
        bp.setThreshold(0, k, ByteProcessor.NO_LUT_UPDATE); // dark phase: 0 … k
        ResultsTable rt = new ResultsTable();
        ParticleAnalyzer pa = new ParticleAnalyzer(ParticleAnalyzer.SHOW_NONE, Measurements.AREA, rt, 0, Double.POSITIVE_INFINITY);
        pa.setHideOutputImage(true);
        pa.analyze(new ImagePlus("bench", bp), bp);
        return rt.size();
    }

    static void loading(Path dir, int n, int reps) throws Exception {
        var p = new ImagesNode.Params(dir.getFileName().toString(), ImagesNode.Labels.NONE, "", "", "", ImagesNode.Colour.GREY,
                ImagesNode.Fit.NONE, 0, 0, 0, 50_000_000);
        var ctx = new StandaloneContext("load", 1, dir.getParent());
        double[] ours = new double[reps];
        double[] loop = new double[reps];
        long held = 0;
        for (int r = -1; r < reps; r++) {
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            Table table = (Table) new ImagesNode().execute(new Inputs(Map.of()), p, ctx).get("table");
            long t1 = System.nanoTime();
            held = usedAfterGc() - before;
            if (table.rowCount() != n) {
                throw new IllegalStateException(table.rowCount() + " rows");
            }
            table = null;
            long t2 = System.nanoTime();
            float[][] kept = plainLoop(dir);
            long t3 = System.nanoTime();
            if (kept.length != n) {
                throw new IllegalStateException(kept.length + " images");
            }
            if (r >= 0) {
                ours[r] = (t1 - t0) / 1e9;
                loop[r] = (t3 - t2) / 1e9;
            }
        }
        double a = median(ours);
        double b = median(loop);
        System.out.printf(Locale.ROOT, "load %d PNG 256x256: data.images %.3f s (%.0f images/s), ImageIO.read loop %.3f s (%.0f images/s), "
                + "ratio %.2f (goal <= 1.2); held %.2f bytes per pixel (float samples: 4)%n", n, a, n / a, b, n / b, a / b,
                (double) held / ((long) n * 256 * 256));
        System.out.println("  runs data.images " + Arrays.toString(ours) + " loop " + Arrays.toString(loop));
    }

    static float[][] plainLoop(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        float[][] kept = new float[files.size()][];
        for (int i = 0; i < kept.length; i++) {
            var img = ImageIO.read(files.get(i).toFile());
            float[] px = img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (float[]) null);
            for (int k = 0; k < px.length; k++) {
                px[k] /= 255f;
            }
            kept[i] = px;
        }
        return kept;
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
