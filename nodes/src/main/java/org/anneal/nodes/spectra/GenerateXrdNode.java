package org.anneal.nodes.spectra;

import java.util.HashSet;
import java.util.List;
import org.anneal.data.Table;
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
import org.anneal.spec.Specs;

@NodeType(id = "data.generate-xrd", title = "XRD patterns from crystal structures", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates powder X-ray diffraction patterns of mixtures of crystalline phases with known weight fractions, \
                computed from each phase's crystal structure, reproducibly from the workflow seed. Phases: `alpha-fe`, \
                `gamma-fe`, `cementite`, `aluminium`, `copper`, `silicon`, `halite`, `rutile`, `anatase`, `corundum`, \
                `zincite`, `quartz` (space-group positions, lattice parameters and atoms from published refinements). For each \
                phase every reflection hkl up to the end of the 2θ range is summed on its own: d from the metric tensor, |F|² \
                from the atom positions with Cromer–Mann form factors (International Tables vol. C) and a Debye–Waller factor \
                exp(−B s²) with a stated B per site, times the Lorentz-polarisation factor (1 + cos² 2θ)/(sin² θ cos θ) and over \
                the squared cell volume. Lines are drawn at Kα₁ and at Kα₂ (half the area) as pseudo-Voigt peaks: Gaussian \
                width from Caglioti's FWHM² = U tan² θ + V tan θ + W, Lorentzian width from Scherrer (K = 0.9, crystallite \
                `size`) plus microstrain 4 ε tan θ, combined as Thompson–Cox–Hastings do. A mixture adds each phase's pattern \
                with weight w/ρ (reference-intensity-ratio scaling, ρ from the cell's content and volume), which assumes every \
                phase absorbs X-rays alike. Each pattern adds a quadratic `background`, with a Cu tube a flat Fe fluorescence \
                level (`fluorescence` × the iron mass fraction; a Co tube does not excite Fe), and Poisson noise. `counts` is \
                the noise-free top of the tallest pure-phase peak. Columns: `pattern`, one `fraction_<phase>` per phase (the \
                one named by `target` is the target, the others are ignored), `major_phase`, `sample` (the group: `replicates` \
                share the fractions, each has its own background and noise) and `replicate`. `pure` holds each phase's \
                noise-free pattern as a pure sample (a mixture is Σ fraction × pure + background), named in `phase`. Left out: absorption contrast and \
                microabsorption, preferred orientation, peak asymmetry, sample displacement, anomalous dispersion, and any \
                amorphous content.""")
public final class GenerateXrdNode implements Node<GenerateXrdNode.Params> {

    public record Params(
            @Param(doc = "Phases to mix (names as in the doc)", def = "[\"alpha-fe\", \"gamma-fe\", \"cementite\"]") List<String> phases,
            @Param(doc = "Number of mixtures (groups)", def = "40", min = 1, max = 100000) int samples,
            @Param(doc = "Patterns per mixture", def = "3", min = 1, max = 100) int replicates,
            @Param(doc = "First 2θ, degrees", def = "20", min = 1, max = 170) double from,
            @Param(doc = "Last 2θ, degrees", def = "100", min = 2, max = 170) double to,
            @Param(doc = "2θ step, degrees", def = "0.02", min = 0.001, max = 1) double step,
            @Param(doc = "X-ray tube: Cu (Kα₁ 1.5406 Å, excites Fe fluorescence) or Co (Kα₁ 1.7890 Å)", def = "\"cu\"") XrayTube tube,
            @Param(doc = "Caglioti U, deg²", def = "0.004", min = -1, max = 1) double u,
            @Param(doc = "Caglioti V, deg²", def = "-0.002", min = -1, max = 1) double v,
            @Param(doc = "Caglioti W, deg²", def = "0.002", min = 0, max = 1) double w,
            @Param(doc = "Crystallite size for Scherrer broadening, nm (0 = no size broadening)", def = "60", min = 0, max = 100000) double size,
            @Param(doc = "Microstrain ε = Δd/d (0.001 = 0.1 %)", def = "0.001", min = 0, max = 0.05) double strain,
            @Param(doc = "Noise-free counts at the top of the tallest pure-phase peak", def = "2000", min = 1) double counts,
            @Param(doc = "Mean background level, counts", def = "50", min = 0) double background,
            @Param(doc = "Fe fluorescence under Cu radiation, counts added for a pure iron sample", def = "400", min = 0) double fluorescence,
            @Param(doc = "Phase whose weight fraction is the target, or major-phase; empty = the first phase", def = "\"\"") String target) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per pattern");
    static final OutPort<Table> PURE = OutPort.of("pure", DataKind.TABLE, Table.class,
            "One row per phase: its noise-free pattern as a pure sample, without background (the references a decomposition should find)");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        XrdPhaseMixtures.Setup s = setup(p);
        return Specs.of(TABLE, XrdPhaseMixtures.generate(s, 0, 1, targetColumn(p), 0).spec(Lineage.UNSPLIT),
                PURE, XrdPhaseMixtures.pure(s, false).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) throws ConfigError {
        XrdPhaseMixtures.Setup s = setup(p);
        return Outputs.of(TABLE, XrdPhaseMixtures.generate(s, p.samples(), p.replicates(), targetColumn(p), ctx.seed()), PURE,
                XrdPhaseMixtures.pure(s, true));
    }

    static XrdPhaseMixtures.Setup setup(Params p) throws ConfigError {
        if (p.phases().isEmpty()) {
            throw ConfigError.atParam("phases", "No phase to mix.", "Name one or more of: " + String.join(", ", XrdPhases.PHASES.keySet()) + ".");
        }
        for (String ph : p.phases()) {
            if (!XrdPhases.PHASES.containsKey(ph)) {
                throw ConfigError.atParam("phases", "Unknown phase '" + ph + "'.", "Choose from: " + String.join(", ", XrdPhases.PHASES.keySet()) + ".");
            }
        }
        if (new HashSet<>(p.phases()).size() < p.phases().size()) {
            throw ConfigError.atParam("phases", "A phase is named twice in " + p.phases() + ".", "Name each phase once.");
        }
        if (p.to() <= p.from() + p.step()) {
            throw ConfigError.atParam("to", "The 2θ range " + p.from() + "°–" + p.to() + "° holds fewer than two steps of " + p.step() + "°.",
                    "Set `to` above `from`.");
        }
        long channels = Math.round((p.to() - p.from()) / p.step()) + 1;
        if (channels > 200_000) {
            throw ConfigError.atParam("step", channels + " channels is more than 200,000.", "Use a larger step or a shorter range.");
        }
        PowderPattern.Broadening b = new PowderPattern.Broadening(p.u(), p.v(), p.w(), p.size(), p.strain());
        for (double tt = p.from(); tt <= p.to() + 1e-9; tt += (p.to() - p.from()) / 200) {
            double width = b.gaussian(Math.toRadians(tt / 2));
            if (!(width > 0)) {
                throw ConfigError.atParam("w", "Caglioti U tan²θ + V tanθ + W is not positive at 2θ = %.1f°, so there is no peak width there."
                        .formatted(tt), "Make W larger or V less negative (a typical instrument: U 0.004, V −0.002, W 0.002).");
            }
        }
        return new XrdPhaseMixtures.Setup(List.copyOf(p.phases()), p.from(), p.step(), (int) channels, p.tube(), b, p.counts(), p.background(),
                p.fluorescence());
    }

    static String targetColumn(Params p) throws ConfigError {
        if (p.target().equals("major-phase")) {
            return "major_phase";
        }
        String phase = p.target().isEmpty() ? p.phases().get(0) : p.target();
        if (!p.phases().contains(phase)) {
            throw ConfigError.atParam("target", "'" + phase + "' is not one of the phases mixed " + p.phases() + ".",
                    "Name one of them, major-phase, or leave it empty for the first.");
        }
        return XrdPhaseMixtures.fractionColumn(phase);
    }
}
