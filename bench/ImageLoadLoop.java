import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The baseline of bench/image-bench.sh for loading: javax.imageio.ImageIO.read over the folder in a plain loop, in a
 * fresh JVM (as `anneal run` is), the decoded rasters kept as float arrays in [0, 1] like data.images keeps them.
 * Run in source-file mode: java -cp <app classpath> bench/ImageLoadLoop.java DIR
 */
public final class ImageLoadLoop {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        long t0 = System.nanoTime();
        float[][] kept = new float[files.size()][];
        for (int i = 0; i < kept.length; i++) {
            var img = ImageIO.read(files.get(i).toFile());
            float[] px = img.getRaster().getPixels(0, 0, img.getWidth(), img.getHeight(), (float[]) null);
            for (int k = 0; k < px.length; k++) {
                px[k] /= 255f;
            }
            kept[i] = px;
        }
        System.out.printf(java.util.Locale.ROOT, "{\"loop\": %.4f}%n", (System.nanoTime() - t0) / 1e9);
    }
}
