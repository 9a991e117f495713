package org.anneal.nodes.spectra;

/** An X-ray tube's Kα₁ and Kα₂ wavelengths (Å): Cu after Hölzer et al. (1997), Co after Bearden (1967). */
public enum XrayTube {
    CU(1.5405929, 1.5444274), CO(1.788965, 1.792850);

    final double kAlpha1;
    final double kAlpha2;

    XrayTube(double kAlpha1, double kAlpha2) {
        this.kAlpha1 = kAlpha1;
        this.kAlpha2 = kAlpha2;
    }
}
