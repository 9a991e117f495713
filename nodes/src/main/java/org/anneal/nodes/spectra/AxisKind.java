package org.anneal.nodes.spectra;

import org.anneal.spec.Choice;

/** The physical axis of a spectrum, with its name and unit as they appear in the column's shape. */
public enum AxisKind {
    @Choice("energy-ev") ENERGY_EV("energy", "eV"),
    @Choice("energy-kev") ENERGY_KEV("energy", "keV"),
    @Choice("two-theta") TWO_THETA("2θ", "°"),
    WAVENUMBER("wavenumber", "cm⁻¹"),
    @Choice("wavelength-nm") WAVELENGTH_NM("wavelength", "nm"),
    TIME("time", "s"),
    /** Channel numbers, for data published without its physical axis (the yarn NIR set): no unit, no physics. */
    CHANNEL("channel", "");

    final String axisName;
    final String unit;

    AxisKind(String axisName, String unit) {
        this.axisName = axisName;
        this.unit = unit;
    }
}
