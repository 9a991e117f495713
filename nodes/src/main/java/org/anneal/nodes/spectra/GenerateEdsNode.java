package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;

@NodeType(id = "data.generate-eds", title = "EDS spectra of known materials", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates SEM energy-dispersive X-ray spectra of materials of known composition, reproducibly from the \
                workflow seed: one row per spectrum, each of a material drawn at random from `materials` (alloy presets \
                `ferrite-steel`, `stainless-316`, `duplex-2205`, `inconel-718`, `brass`; compounds `alumina`, `silica`, \
                `rutile`, `spinel`, `chromia`, `niobium-carbide`, `cementite`, `galena` (PbS), `tungsten-disilicide` (WSi₂); or any \
                of C, O, Na, Mg, Al, Si, P, S, Cl, K, Ca, Ti, Cr, Mn, Fe, Ni, Cu, Zn, Zr, Nb, Mo, Ag, Hf, Ta, W, Pt, Au, Pb, Bi, U as \
                the pure element), each element's weight fraction varied by up to `variation` (relative) and \
                renormalised. Lines at their tabulated energies (X-ray Data Booklet: Kα₁/Kα₂, Kβ, Lα, Lβ; for Hf to U the L \
                lines Lℓ, Lα, Lβ₁, Lβ₂, Lγ₁ and the M lines Mζ, Mα, Mβ, Mγ at Chantler's 2005 energies with the relative \
                weights of NIST's EPQ library, as HyperSpy tabulates them), excited only when the `beam` energy exceeds their \
                edge (K, L₃ or M₅), with intensity ∝ c·ω·(U − 1)^1.67/A; at 20 kV Pb Mα (2.346 keV) is stronger than Pb Lα \
                and lies 38 eV from S Kα, closer than the detector resolves; Kramers bremsstrahlung Z̄(E₀ − E)/E \
                through a window modelled as an absorption cut-off exp(−(0.25 keV/E)³); Gaussian peaks whose FWHM follows \
                the Fano form √(FWHM_Mn² + 2.5 eV·(E − 5895 eV)) with `resolution` the FWHM at Mn Kα; Si escape peaks at \
                E − 1.740 keV for lines above the Si K edge; sum (pile-up) peaks at Eᵢ + Eⱼ in proportion to `pileup` (the \
                chance that a count arrives with another; about count rate × pulse-pair time); Poisson noise on `counts` \
                counts per spectrum. Columns: `spectrum` (energy in keV), `material` (the target) and one `wt_<element>` per \
                element (the truth, ignored). Left out: ZAF matrix corrections (absorption and secondary fluorescence in the \
                specimen), incomplete charge collection, the detector's efficiency drop at high energy, continuum pile-up.""")
public final class GenerateEdsNode implements Node<GenerateEdsNode.Params> {

    public record Params(
            @Param(doc = "Materials to draw from (presets or element symbols)",
                    def = "[\"stainless-316\", \"duplex-2205\", \"ferrite-steel\", \"inconel-718\"]") List<String> materials,
            @Param(doc = "Number of spectra", def = "60", min = 1, max = 100000) int samples,
            @Param(doc = "Largest relative change of an element's weight fraction between spectra", def = "0.05", min = 0, max = 0.5) double variation,
            @Param(doc = "Beam energy E₀, keV", def = "20", min = 1, max = 40) double beam,
            @Param(doc = "Detector FWHM at Mn Kα, eV (the Fano form needs at least 121.4)", def = "130", min = 121.5, max = 300) double resolution,
            @Param(doc = "Pile-up: chance that a count arrives with another (0 = no sum peaks)", def = "0.002", min = 0, max = 0.2) double pileup,
            @Param(doc = "Counts per spectrum", def = "200000", min = 1) double counts,
            @Param(doc = "Channels from 0 keV", def = "2048", min = 16, max = 100000) int channels,
            @Param(doc = "Channel width, keV", def = "0.01", min = 0.001, max = 0.1) double step) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per spectrum");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        return Specs.of(TABLE, generate(p, 0, 0).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        return Outputs.of(TABLE, generate(p, p.samples(), ctx.seed()));
    }

    /** Checks the material names (param {@code param}) and returns their compositions in order. */
    static List<Map<String, Double>> compositions(List<String> materials, String param) throws ConfigError {
        if (materials.isEmpty()) {
            throw ConfigError.atParam(param, "No material.", "Name one or more of: " + EdsMaterials.choices() + ".");
        }
        if (new HashSet<>(materials).size() < materials.size()) {
            throw ConfigError.atParam(param, "A material is named twice in " + materials + ".", "Name each material once.");
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (String m : materials) {
            Map<String, Double> c = EdsMaterials.composition(m);
            if (c == null) {
                throw ConfigError.atParam(param, "Unknown material '" + m + "'.", "Choose from: " + EdsMaterials.choices() + ".");
            }
            out.add(c);
        }
        return out;
    }

    /** Every element of the compositions, by atomic number. */
    static List<String> elements(List<Map<String, Double>> compositions) {
        return EdsLines.ELEMENTS.keySet().stream().filter(e -> compositions.stream().anyMatch(c -> c.containsKey(e))).toList();
    }

    static Axis axis(int channels, double step) {
        return Axis.regular("energy", channels, "keV", 0, step);
    }

    static Table generate(Params p, int samples, long seed) throws ConfigError {
        List<Map<String, Double>> materials = compositions(p.materials(), "materials");
        List<String> elements = elements(materials);
        EdsSpectrum.Setup setup = new EdsSpectrum.Setup(p.beam(), p.resolution(), p.pileup(), 0, p.step(), p.channels(), p.counts());
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> spectra = new ArrayList<>();
        int[] material = new int[samples];
        double[][] wt = new double[elements.size()][samples];
        for (int r = 0; r < samples; r++) {
            material[r] = rnd.nextInt(materials.size());
            Map<String, Double> c = new LinkedHashMap<>();
            double sum = 0;
            for (var e : materials.get(material[r]).entrySet()) {
                double v = e.getValue() * (1 + p.variation() * (2 * rnd.nextDouble() - 1));
                c.put(e.getKey(), v);
                sum += v;
            }
            for (int k = 0; k < elements.size(); k++) {
                wt[k][r] = c.getOrDefault(elements.get(k), 0.0) / sum;
            }
            spectra.add(noisy(EdsSpectrum.expected(normalised(c), setup), rnd));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(TensorColumn.of("spectrum", ColumnRole.FEATURE, Shape.spectrum(axis(p.channels(), p.step())), spectra).withUnit("counts"));
        cols.add(new CategoricalColumn("material", ColumnRole.TARGET, material, List.copyOf(p.materials())));
        for (int k = 0; k < elements.size(); k++) {
            cols.add(new NumericColumn("wt_" + elements.get(k), ColumnRole.IGNORE, wt[k]));
        }
        return new Table(cols);
    }

    static Map<String, Double> normalised(Map<String, Double> c) {
        double sum = c.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        c.forEach((k, v) -> out.put(k, v / sum));
        return out;
    }

    /** Poisson counts on the expected spectrum. */
    static float[] noisy(double[] mean, SplittableRandom rnd) {
        float[] out = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            out[i] = XrdMixtures.poisson(mean[i], rnd);
        }
        return out;
    }
}
