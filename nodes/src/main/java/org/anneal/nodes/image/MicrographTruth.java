package org.anneal.nodes.image;

import java.util.ArrayList;
import java.util.List;

/**
 * The truth columns {@code fullTruth} adds, each counted on the drawn maps of one image: the ASTM E112 grain size number,
 * the number of grains in the field, and the features of the structure's classes (NaN where a class has none).
 */
enum MicrographTruth {
    ASTM_GRAIN_SIZE("astm_grain_size", ""),
    GRAIN_COUNT("grain_count", ""),
    LAMELLAR_FRACTION("lamellar_fraction", ""),
    LAMELLAR_SPACING("lamellar_spacing_um", "µm"),
    CARBIDE_DIAMETER("carbide_diameter_um", "µm"),
    LATH_WIDTH("lath_width_um", "µm");

    private final String column;
    private final String unit;

    MicrographTruth(String column, String unit) {
        this.column = column;
        this.unit = unit;
    }

    String column() {
        return column;
    }

    String unit() {
        return unit;
    }

    /** The columns for these params: none without fullTruth, and only the features the chosen structure can draw. */
    static List<MicrographTruth> columns(GenerateMicrographsNode.Params p) {
        List<MicrographTruth> cols = new ArrayList<>();
        if (!p.fullTruth()) {
            return cols;
        }
        cols.add(ASTM_GRAIN_SIZE);
        cols.add(GRAIN_COUNT);
        GenerateMicrographsNode.Structure s = p.structure();
        boolean mixed = s == GenerateMicrographsNode.Structure.MIXED;
        if (mixed || s == GenerateMicrographsNode.Structure.FERRITE_PEARLITE) {
            cols.add(LAMELLAR_FRACTION);
            cols.add(LAMELLAR_SPACING);
        }
        if (mixed || s == GenerateMicrographsNode.Structure.SPHEROIDISED) {
            cols.add(CARBIDE_DIAMETER);
        }
        if (mixed || s == GenerateMicrographsNode.Structure.MARTENSITE) {
            cols.add(LATH_WIDTH);
        }
        return cols;
    }

    double value(Microstructure m, MicrographClass kind, double pixelUm) {
        return switch (this) {
            case ASTM_GRAIN_SIZE -> Microstructure.astmGrainSize(m.meanInterceptPx() * pixelUm / 1000);
            case GRAIN_COUNT -> maxPlusOne(m.grainIds());
            case LAMELLAR_FRACTION -> kind == MicrographClass.FERRITE_PEARLITE ? m.coveredFraction() : 0;
            case LAMELLAR_SPACING -> kind == MicrographClass.FERRITE_PEARLITE ? m.featurePx() * pixelUm : Double.NaN;
            case CARBIDE_DIAMETER -> kind == MicrographClass.SPHEROIDISED ? m.featurePx() * pixelUm : Double.NaN;
            case LATH_WIDTH -> kind == MicrographClass.MARTENSITE ? m.featurePx() * pixelUm : Double.NaN;
        };
    }

    private static int maxPlusOne(int[] ids) {
        int max = -1;
        for (int id : ids) {
            max = Math.max(max, id);
        }
        return max + 1;
    }
}
