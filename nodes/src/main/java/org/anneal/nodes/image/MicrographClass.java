package org.anneal.nodes.image;

import java.util.Random;

/**
 * The microstructure classes the generator draws and how a processing route sets each one's scale. A specimen draws its
 * own grain size and fraction around its route's (heats and furnace positions differ); the lengths of the fine features
 * are the route's, in µm, and scatter from colony to colony, carbide to carbide and packet to packet instead.
 */
enum MicrographClass {
    /** Whole grains of a dark second phase. */
    TWO_PHASE,
    /** Ferrite grains and pearlite colonies: the colonies' share 10 points above the route's second-phase fraction. */
    FERRITE_PEARLITE,
    /** Carbides of 2, 2.5 or 3.5 µm at half the route's second-phase fraction in ferrite grains. */
    SPHEROIDISED,
    /** Laths of 1, 1.25 or 1.5 µm in prior-austenite grains 1.5 times the route's grain size, 3–7 % retained austenite. */
    MARTENSITE,
    /** The two-phase structure with at least 3 % round gas pores and 4 % lack-of-fusion pores. */
    POROUS;

    /** Lamellar spacing, carbide diameter and lath width by route (hot-rolled, normalised, annealed), µm. */
    private static final double[] SPACING_UM = {3.0, 3.5, 4.5};
    private static final double[] CARBIDE_UM = {2.0, 2.5, 3.5};
    private static final double[] LATH_UM = {1.0, 1.25, 1.5};

    String label() {
        return org.anneal.spec.Choices.name(this);
    }

    /**
     * What a specimen of this class and route draws. {@code specimens} gives the specimen's own scatter; for the two-phase
     * class it draws exactly the two Gaussians it always drew, so its images stay those of earlier versions.
     */
    Microstructure.Recipe recipe(GenerateMicrographsNode.Route r, Random specimens, GenerateMicrographsNode.Params p) {
        double grainUm = r.grainUm * Math.exp(0.12 * specimens.nextGaussian());
        double shift = specimens.nextGaussian();
        double pixel = p.pixelSize();
        int k = r.ordinal();
        return switch (this) {
            case TWO_PHASE, POROUS -> new Microstructure.Recipe(Microstructure.Kind.TWO_PHASE, grainUm / pixel, clamp(r.fraction + 0.04 * shift),
                    0, this == POROUS ? Math.max(0.03, p.porosity()) : p.porosity(),
                    this == POROUS ? Math.max(0.04, p.lackOfFusion()) : p.lackOfFusion(), p.scanDirection());
            case FERRITE_PEARLITE -> new Microstructure.Recipe(Microstructure.Kind.LAMELLAR, grainUm / pixel,
                    clamp(r.fraction + 0.10 + 0.04 * shift), SPACING_UM[k] / pixel, p.porosity(), p.lackOfFusion(), p.scanDirection());
            case SPHEROIDISED -> new Microstructure.Recipe(Microstructure.Kind.SPHEROIDISED, grainUm / pixel,
                    clamp(r.fraction / 2 + 0.02 * shift), CARBIDE_UM[k] / pixel, p.porosity(), p.lackOfFusion(), p.scanDirection());
            case MARTENSITE -> new Microstructure.Recipe(Microstructure.Kind.MARTENSITE, 1.5 * grainUm / pixel,
                    1 - Math.min(0.15, Math.max(0.01, 0.03 + 0.02 * k + 0.01 * shift)), LATH_UM[k] / pixel, p.porosity(), p.lackOfFusion(),
                    p.scanDirection());
        };
    }

    private static double clamp(double fraction) {
        return Math.min(0.9, Math.max(0.02, fraction));
    }
}
