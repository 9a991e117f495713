package org.anneal.nodes.data;

/**
 * Tempering of a quenched carbon steel by Hollomon and Jaffe (1945): time and temperature act through one parameter
 * P = T[K]·(20 + log10 t[h]) / 1000, and the generators' hardness law maps P to Vickers hardness in GPa, from as-quenched
 * martensite (harder with more carbon) towards 1.8 GPa, tempered-out ferrite with carbides. data.generate's tempering
 * set and the furnace's tempering cycle share it, so the two teach the same law.
 */
public final class HollomonJaffe {
    private HollomonJaffe() {
    }

    /** P after {@code hours} at {@code celsius}. */
    public static double parameter(double celsius, double hours) {
        return (celsius + 273.15) * (20 + Math.log10(hours)) / 1000;
    }

    /** The hours at {@code celsius} that reach {@code p}: a changing temperature is tempered step by step through it. */
    public static double equivalentHours(double p, double celsius) {
        return Math.pow(10, 1000 * p / (celsius + 273.15) - 20);
    }

    /** Vickers hardness in GPa (HV × 0.0098) at P for {@code carbonWt} % carbon. */
    public static double hardnessGpa(double p, double carbonWt) {
        return 1.8 + (1.5 + 8 * carbonWt) / (1 + Math.exp((p - 13) / 1.6));
    }
}
