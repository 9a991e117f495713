package org.anneal.nodes.image;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * One generated image of a hot-rolled strip surface with one defect class drawn on it, after the six classes of the NEU
 * surface-defect database. The strip texture is a coil's: Gaussian noise blurred far more along the rolling direction (x)
 * than across it (y), so it shows as fine streaks along x, on a grey level with a slight shading across the strip. Each
 * class is drawn by its own model as a change of grey level over a mask:
 * <ul>
 * <li>crazing: a network of fine (1 px) dark cracks, each a random walk that turns a little at every step and branches;
 * <li>inclusion: a few dark streaks elongated along the rolling direction, 1–2.5 px wide, 20–60 % of the field long;
 * <li>patches: one to three smooth dark blotches, each a sum of Gaussians; the mask is where the blotch passes half its
 * peak, the darkening fades smoothly beyond it;
 * <li>pitted surface: many small dark round spots, radius 0.8–2.5 px;
 * <li>rolled-in scale: flaky islands elongated along x with ragged outlines, each brighter or darker than the strip;
 * <li>scratches: one to three long thin straight lines at any angle, bright or dark.
 * </ul>
 * Then a slight Gaussian blur (optics) and Gaussian noise (sensor). The defect-area truth is counted on the drawn mask.
 * Left out: real defect shapes and their spread of sizes, illumination of the NEU camera, mixed defects on one image.
 *
 * @param image   grey values in [0, 1], row by row
 * @param texture the clean strip texture the defect was drawn on (before blur and noise), for tests
 * @param mask    1 where the defect is, 0 elsewhere
 * @param area    share of pixels in the mask
 */
public record SurfaceDefects(int size, float[] image, float[] texture, float[] mask, double area) {

    /** The six classes, in the order of the NEU database. */
    public enum Defect { CRAZING, INCLUSION, PATCHES, PITTED_SURFACE, ROLLED_IN_SCALE, SCRATCHES }

    /**
     * What the images of one coil share: grey level, strength and length of the rolling streaks, shading across the strip
     * and noise.
     */
    public record Coil(double grey, double streakAmplitude, double streakLengthPx, double shading, double noise) {
        /** A coil's texture drawn around the typical one; {@code noise} is the typical noise level. */
        static Coil draw(double noise, Random rnd) {
            return new Coil(0.42 + 0.2 * rnd.nextDouble(), 0.03 + 0.05 * rnd.nextDouble(), 6 + 8 * rnd.nextDouble(),
                    0.1 * (rnd.nextDouble() - 0.5), noise * (0.75 + 0.5 * rnd.nextDouble()));
        }
    }

    /** Standard deviation of the blur every image gets, in pixels. */
    static final double BLUR = 0.6;

    /** Draws one image of {@code size}×{@code size} pixels of the coil with the defect. */
    public static SurfaceDefects draw(int size, Coil coil, Defect defect, Random rnd) {
        int n = size * size;
        float[] texture = texture(size, coil, rnd);
        float[] delta = new float[n];
        boolean[] mask = new boolean[n];
        switch (defect) {
            case CRAZING -> crazing(size, delta, mask, rnd);
            case INCLUSION -> inclusions(size, delta, mask, rnd);
            case PATCHES -> patches(size, delta, mask, rnd);
            case PITTED_SURFACE -> pits(size, delta, mask, rnd);
            case ROLLED_IN_SCALE -> scale(size, delta, mask, rnd);
            case SCRATCHES -> scratches(size, delta, mask, rnd);
        }
        float[] img = new float[n];
        for (int i = 0; i < n; i++) {
            img[i] = texture[i] + delta[i];
        }
        img = ImageOps.gaussianBlur(img, size, size, BLUR);
        float[] m = new float[n];
        long hit = 0;
        for (int i = 0; i < n; i++) {
            img[i] = Math.min(1f, Math.max(0f, img[i] + (float) (coil.noise() * rnd.nextGaussian())));
            if (mask[i]) {
                m[i] = 1;
                hit++;
            }
        }
        return new SurfaceDefects(size, img, texture, m, (double) hit / n);
    }

    /**
     * The coil's strip: its grey level, streaks along x (noise blurred long along x, short across) and shading across y. The
     * noise is drawn wider than the field and cut after blurring, so the streaks run on past the left and right edges.
     */
    static float[] texture(int size, Coil coil, Random rnd) {
        int pad = (int) Math.ceil(3 * coil.streakLengthPx());
        int wide = size + 2 * pad;
        float[] white = new float[size * wide];
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) rnd.nextGaussian();
        }
        float[] streaks = blur(blur(white, size, wide, coil.streakLengthPx(), true), size, wide, 0.7, false);
        double sq = 0;
        for (int y = 0; y < size; y++) {
            for (int x = pad; x < pad + size; x++) {
                sq += streaks[y * wide + x] * streaks[y * wide + x];
            }
        }
        double scale = coil.streakAmplitude() / Math.sqrt(Math.max(1e-12, sq / (size * size)));
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            double shade = coil.grey() + coil.shading() * ((y + 0.5) / size - 0.5);
            for (int x = 0; x < size; x++) {
                out[y * size + x] = (float) (shade + scale * streaks[y * wide + pad + x]);
            }
        }
        return out;
    }

    /** A one-dimensional Gaussian blur of an h × w field along x ({@code alongX}) or y; edges repeat the border pixel. */
    private static float[] blur(float[] img, int h, int w, double sigma, boolean alongX) {
        double[] k = ImageOps.gaussianKernel(sigma);
        int r = k.length / 2;
        float[] out = new float[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = alongX ? Math.min(w - 1, Math.max(0, x + i)) : x;
                    int yy = alongX ? y : Math.min(h - 1, Math.max(0, y + i));
                    s += k[i + r] * img[yy * w + xx];
                }
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }

    /** Random-walk cracks from scattered starts; each step turns by up to ±0.35 rad and may split off a branch. */
    private static void crazing(int size, float[] delta, boolean[] mask, Random rnd) {
        double depth = 0.12 + 0.08 * rnd.nextDouble();
        int cracks = 6 + rnd.nextInt(8) + size * size / 2048;
        Deque<double[]> pending = new ArrayDeque<>();
        for (int c = 0; c < cracks; c++) {
            pending.push(new double[] {rnd.nextDouble() * size, rnd.nextDouble() * size, rnd.nextDouble() * 2 * Math.PI,
                    size * (0.15 + 0.35 * rnd.nextDouble())});
        }
        while (!pending.isEmpty()) {
            double[] c = pending.pop();
            double x = c[0];
            double y = c[1];
            double a = c[2];
            for (int step = 0; step < c[3]; step++) {
                int px = (int) Math.floor(x);
                int py = (int) Math.floor(y);
                if (px < 0 || py < 0 || px >= size || py >= size) {
                    break;
                }
                delta[py * size + px] = (float) -depth;
                mask[py * size + px] = true;
                if (rnd.nextDouble() < 0.05 && pending.size() < 64) {
                    pending.push(new double[] {x, y, a + (rnd.nextBoolean() ? 0.9 : -0.9), (c[3] - step) / 2});
                }
                a += 0.7 * (rnd.nextDouble() - 0.5);
                x += Math.cos(a);
                y += Math.sin(a);
            }
        }
    }

    /** Dark streaks along the rolling direction: thin ellipses whose half-width wobbles along their length. */
    private static void inclusions(int size, float[] delta, boolean[] mask, Random rnd) {
        int count = 1 + rnd.nextInt(3);
        for (int s = 0; s < count; s++) {
            double cx = rnd.nextDouble() * size;
            double cy = size * (0.1 + 0.8 * rnd.nextDouble());
            double half = size * (0.1 + 0.2 * rnd.nextDouble());
            double width = 1 + 1.5 * rnd.nextDouble();
            double angle = 0.08 * (rnd.nextDouble() - 0.5);
            double dark = 0.2 + 0.1 * rnd.nextDouble();
            double phase = rnd.nextDouble() * 2 * Math.PI;
            paint(size, cx, cy, half + 1, width + 1, (u, v) -> {
                double along = u / half;
                double w = width * Math.sqrt(Math.max(0, 1 - along * along)) * (0.75 + 0.25 * Math.sin(6 * along + phase));
                return Math.abs(along) <= 1 && Math.abs(v) <= w ? -dark : 0;
            }, angle, delta, mask);
        }
    }

    /** Smooth dark blotches: a sum of three Gaussians each; the mask where it passes half its peak. */
    private static void patches(int size, float[] delta, boolean[] mask, Random rnd) {
        int count = 1 + rnd.nextInt(3);
        double[] field = new double[size * size];
        for (int b = 0; b < count; b++) {
            double cx = rnd.nextDouble() * size;
            double cy = rnd.nextDouble() * size;
            for (int k = 0; k < 3; k++) {
                double gx = cx + size * 0.08 * rnd.nextGaussian();
                double gy = cy + size * 0.08 * rnd.nextGaussian();
                double r = size * (0.06 + 0.08 * rnd.nextDouble());
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double dx = x + 0.5 - gx;
                        double dy = y + 0.5 - gy;
                        field[y * size + x] += Math.exp(-(dx * dx + dy * dy) / (2 * r * r));
                    }
                }
            }
        }
        double dark = 0.15 + 0.1 * rnd.nextDouble();
        for (int i = 0; i < field.length; i++) {
            double f = Math.min(1, field[i]);
            delta[i] += (float) (-dark * f);
            mask[i] |= f >= 0.5;
        }
    }

    /** Small dark round spots scattered over the field. */
    private static void pits(int size, float[] delta, boolean[] mask, Random rnd) {
        int count = (int) Math.round((15 + rnd.nextInt(25)) * size * size / 4096.0);
        double dark = 0.25 + 0.1 * rnd.nextDouble();
        for (int p = 0; p < count; p++) {
            double r = 0.8 + 1.7 * rnd.nextDouble();
            paint(size, rnd.nextDouble() * size, rnd.nextDouble() * size, r, r, (u, v) -> u * u + v * v <= r * r ? -dark : 0, 0, delta,
                    mask);
        }
    }

    /** Flaky islands elongated along x with ragged outlines (the radius varies with the angle), each bright or dark. */
    private static void scale(int size, float[] delta, boolean[] mask, Random rnd) {
        int count = (int) Math.round((6 + rnd.nextInt(9)) * size * size / 4096.0);
        for (int s = 0; s < count; s++) {
            double half = 3 + 7 * rnd.nextDouble();
            double width = 1.5 + 2.5 * rnd.nextDouble();
            double sign = rnd.nextBoolean() ? 1 : -1;
            double amp = sign * (0.15 + 0.1 * rnd.nextDouble());
            int lobes = 3 + rnd.nextInt(3);
            double phase = rnd.nextDouble() * 2 * Math.PI;
            double rough = 0.2 + 0.2 * rnd.nextDouble();
            paint(size, rnd.nextDouble() * size, rnd.nextDouble() * size, half * (1 + rough), width * (1 + rough), (u, v) -> {
                double t = Math.atan2(v / width, u / half);
                double reach = 1 + rough * Math.sin(lobes * t + phase);
                return Math.hypot(u / half, v / width) <= reach ? amp : 0;
            }, 0.15 * (rnd.nextDouble() - 0.5), delta, mask);
        }
    }

    /** Long thin straight lines at any angle, each bright or dark; anti-aliasing is left to the blur. */
    private static void scratches(int size, float[] delta, boolean[] mask, Random rnd) {
        int count = 1 + rnd.nextInt(3);
        for (int s = 0; s < count; s++) {
            double half = size * (0.3 + 0.3 * rnd.nextDouble());
            double width = 0.5 + 0.4 * rnd.nextDouble();
            double amp = (rnd.nextDouble() < 0.6 ? 1 : -1) * (0.18 + 0.1 * rnd.nextDouble());
            double cx = size * (0.2 + 0.6 * rnd.nextDouble());
            double cy = size * (0.2 + 0.6 * rnd.nextDouble());
            paint(size, cx, cy, half, width + 1, (u, v) -> Math.abs(u) <= half && Math.abs(v) <= width ? amp : 0,
                    rnd.nextDouble() * Math.PI, delta, mask);
        }
    }

    /** A shape's grey change at (u, v), coordinates along and across the shape's axis measured from its centre. */
    private interface Outline {
        double at(double u, double v);
    }

    /**
     * Adds a shape turned by {@code angle} around (cx, cy) to the change and the mask, over the box its reach
     * {@code along} × {@code across} covers; pixels are tested at their centres, and where shapes overlap the last wins.
     */
    private static void paint(int size, double cx, double cy, double along, double across, Outline shape, double angle, float[] delta,
                              boolean[] mask) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double reach = Math.abs(along * cos) + Math.abs(across * sin) + 1;
        double reachY = Math.abs(along * sin) + Math.abs(across * cos) + 1;
        for (int y = Math.max(0, (int) (cy - reachY)); y <= Math.min(size - 1, (int) (cy + reachY)); y++) {
            for (int x = Math.max(0, (int) (cx - reach)); x <= Math.min(size - 1, (int) (cx + reach)); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double v = shape.at(dx * cos + dy * sin, -dx * sin + dy * cos);
                if (v != 0) {
                    delta[y * size + x] = (float) v;
                    mask[y * size + x] = true;
                }
            }
        }
    }
}
