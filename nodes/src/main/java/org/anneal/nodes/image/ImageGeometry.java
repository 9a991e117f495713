package org.anneal.nodes.image;

/** Mirror and quarter turns of one [y, x, channel] image held row-major in a float array. */
final class ImageGeometry {
    private ImageGeometry() {
    }

    /** The image mirrored left–right when {@code flip}, else a copy. */
    static float[] mirror(float[] img, int[] dims, boolean flip) {
        if (!flip) {
            return img.clone();
        }
        int h = dims[0];
        int w = dims[1];
        int c = dims[2];
        float[] out = new float[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(img, (y * w + x) * c, out, (y * w + (w - 1 - x)) * c, c);
            }
        }
        return out;
    }

    /**
     * The image turned {@code turns} quarter turns anticlockwise (as seen with y downwards: the top row becomes the left
     * column). Odd turns swap height and width, so callers use them on square images only.
     */
    static float[] turn(float[] img, int[] dims, int turns) {
        int h = dims[0];
        int w = dims[1];
        int c = dims[2];
        float[] cur = img;
        int ch = h;
        int cw = w;
        for (int t = 0; t < (turns & 3); t++) {
            float[] out = new float[img.length];
            // out is cw rows by ch columns: out(y', x') = cur(x', cw - 1 - y')
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    System.arraycopy(cur, (y * cw + x) * c, out, ((cw - 1 - x) * ch + y) * c, c);
                }
            }
            cur = out;
            int tmp = ch;
            ch = cw;
            cw = tmp;
        }
        return cur == img ? img.clone() : cur;
    }
}
