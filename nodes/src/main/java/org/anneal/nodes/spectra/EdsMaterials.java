package org.anneal.nodes.spectra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nominal compositions (weight fractions) of the materials the EDS generators offer: alloys at the middle of their
 * specification, compounds from their formulae. Any element symbol of {@link EdsLines} is also a material (the pure
 * element).
 */
final class EdsMaterials {
    static final Map<String, Map<String, Double>> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("ferrite-steel", Map.of("Fe", 0.983, "Mn", 0.012, "Si", 0.003, "C", 0.002));
        PRESETS.put("stainless-316", Map.of("Fe", 0.665, "Cr", 0.17, "Ni", 0.12, "Mo", 0.025, "Mn", 0.02));
        PRESETS.put("duplex-2205", Map.of("Fe", 0.68, "Cr", 0.22, "Ni", 0.055, "Mo", 0.03, "Mn", 0.015));
        PRESETS.put("inconel-718", Map.of("Ni", 0.529, "Cr", 0.19, "Fe", 0.185, "Nb", 0.052, "Mo", 0.03, "Ti", 0.009, "Al", 0.005));
        PRESETS.put("brass", Map.of("Cu", 0.65, "Zn", 0.35));
        PRESETS.put("alumina", Map.of("Al", 0.5293, "O", 0.4707));
        PRESETS.put("silica", Map.of("Si", 0.4674, "O", 0.5326));
        PRESETS.put("rutile", Map.of("Ti", 0.5993, "O", 0.4007));
        PRESETS.put("spinel", Map.of("Mg", 0.1709, "Al", 0.3793, "O", 0.4498));
        PRESETS.put("chromia", Map.of("Cr", 0.6842, "O", 0.3158));
        PRESETS.put("niobium-carbide", Map.of("Nb", 0.8855, "C", 0.1145));
        PRESETS.put("cementite", Map.of("Fe", 0.9331, "C", 0.0669));
        // heavy-element compounds whose M lines sit on a light element's K line
        PRESETS.put("galena", Map.of("Pb", 0.8660, "S", 0.1340));
        PRESETS.put("tungsten-disilicide", Map.of("W", 0.7660, "Si", 0.2340));
    }

    private EdsMaterials() {
    }

    /** The composition of a preset or pure element, or null when the name is neither. */
    static Map<String, Double> composition(String name) {
        if (PRESETS.containsKey(name)) {
            return PRESETS.get(name);
        }
        return EdsLines.ELEMENTS.containsKey(name) ? Map.of(name, 1.0) : null;
    }

    static String choices() {
        return String.join(", ", PRESETS.keySet()) + ", or an element symbol (" + String.join(", ", EdsLines.ELEMENTS.keySet()) + ")";
    }
}
