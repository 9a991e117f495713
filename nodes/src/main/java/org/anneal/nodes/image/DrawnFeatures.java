package org.anneal.nodes.image;

/**
 * What a structure class drew beside the phase map, so its truth can be counted after the pores are cut: the unit every
 * pixel belongs to (a pearlite colony, a carbide particle, a martensite lath; −1 for none), a length per unit (the
 * colony's lamellar spacing, the lath's width; unused for particles), and an extra grey level per pixel (the lath-to-lath
 * etching contrast; null for none).
 *
 * @param particles the units are particles: their size is the equivalent-circle diameter of the pixels they kept
 */
record DrawnFeatures(int[] owner, double[] unitLength, float[] tint, boolean particles) {

    /** The two-phase grain structure draws no units. */
    static final DrawnFeatures NONE = new DrawnFeatures(null, new double[0], null, false);

    /**
     * The share of solid pixels that belong to a unit, and the units' size in pixels: for particles the mean
     * equivalent-circle diameter √(4A/π) of the pixels each kept, otherwise the unit lengths weighted by the solid pixels
     * each unit kept. NaN when there are no units.
     */
    double[] truth(byte[] phase) {
        if (owner == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long[] kept = new long[unitLength.length];
        long solid = 0;
        long owned = 0;
        for (int i = 0; i < phase.length; i++) {
            if (phase[i] != 2) {
                solid++;
                if (owner[i] >= 0) {
                    owned++;
                    kept[owner[i]]++;
                }
            }
        }
        double size = 0;
        long weight = 0;
        for (int u = 0; u < kept.length; u++) {
            if (kept[u] == 0) {
                continue;
            }
            size += particles ? Math.sqrt(4 * kept[u] / Math.PI) : unitLength[u] * kept[u];
            weight += particles ? 1 : kept[u];
        }
        return new double[] {solid == 0 ? 0 : (double) owned / solid, weight == 0 ? Double.NaN : size / weight};
    }
}
