package org.anneal.nodes.data;

import org.anneal.data.Table;
import org.anneal.spec.ConfigContext;
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
import org.anneal.spec.TableSpec;

@NodeType(id = "data.generate", title = "Teaching dataset", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates a dataset with known ground truth, reproducibly from the workflow seed. `noisy-polynomial`: y = 1 + \
                2x − 3x² + 0.5x³ + noise, x uniform in [−1, 1]. `runge`: y = 1/(1 + 25x²) + noise, the classic case where \
                high-degree polynomials overfit. `two-moons`: two interleaved half circles, target `class`. `blobs`: three \
                Gaussian clusters, target `cluster`. `alloy`: low-alloy steel coils from heats (10 coils per heat share the \
                heat's chemistry and a heat offset of sd 15 MPa): yield_mpa = 250 + 800 C + 60 Mn + 40 Si + 35 Cr + 20 Ni − \
                0.2 (temper_c − 500) + heat offset + noise; `heat` is declared as the group column. `alloy-spec`: the same \
                coils with target `meets_spec` (yield ≥ 600 MPa) and `yield_mpa` declared post-outcome. `micrograph-patches`: \
                texture features of 12 patches per micrograph (`image_id` is the group), target grain size. \
                `raman-replicates`: 8 band intensities, 5 replicates per sample (`sample` is the group), target crystallinity. \
                `furnace-log`: one row a minute (`minute` is the time column), target outlet carbon. `xrd-bins`: 5000 \
                intensity bins of which only bin_1000 to bin_1004 carry the phase fraction. `phases`: \
                ferrite/pearlite/martensite from cooling rate and chemistry, martensite rare. `arrhenius`: diffusion anneals at \
                rising temperature, 800 to 1300 K in run order (`run` is the time column): diffusivity_um2_s = 2·10⁷ \
                exp(2.5 carbon_wt) exp(−142 kJ/mol / (R T)) × (1 + noise · ε), carbon_wt in [0.1, 0.8]. `alloy-design`: random \
                Al–Zn–Mg–Cu compositions with strength_mpa = 150 + 350 exp(−((zn − 4.5)/1.5)² − ((mg − 1.6)/0.6)² − ((cu − \
                1.4)/0.9)²) + noise, one peak inside the box. `lpbf`: laser powder-bed fusion tracks, melt-pool depth_um = 20 \
                P / √v + noise for laser power P in [100, 400] W and scan speed v in [400, 2000] mm/s. `tempering`: quenched steels \
                (carbon_wt in [0.2, 0.6]) tempered at rising temperature, 150 to 650 °C in run order (`run` is the time \
                column), for 0.5 to 8 h: Vickers hardness_gpa = 1.8 + (1.5 + 8 carbon_wt) / (1 + exp((P − 13) / 1.6)) + noise \
                with the Hollomon–Jaffe parameter P = T[K]·(20 + log10 t[h]) / 1000 — falling with temperature and time towards \
                1.8 GPa (about 180 HV).""")
public final class GenerateNode implements Node<GenerateNode.Params> {

    public record Params(
            @Param(doc = "Which dataset", def = "\"noisy-polynomial\"")
            Dataset dataset,
            @Param(doc = "Number of rows", def = "200", min = 10, max = 10000000) int rows,
            @Param(doc = "Noise level (standard deviation; MPa for alloy)", def = "0.1", min = 0) double noise,
            @Param(doc = "Columns to leave out", hint = Param.Hint.COLUMNS) java.util.List<String> ignore,
            @Param(doc = "What a score on these rows claims (issue 16): the leakage analysis judges group, time and near-copy findings by it",
                    def = "\"unstated\"") org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared {
        /** Without a claim (callers from before issue 16). */
        public Params(Dataset dataset, int rows, double noise, java.util.List<String> ignore) {
            this(dataset, rows, noise, ignore, org.anneal.spec.Claim.UNSTATED);
        }
    }

    /** The generators, stored under their kebab-case names ("noisy-polynomial"). */
    public enum Dataset {
        NOISY_POLYNOMIAL, RUNGE, TWO_MOONS, BLOBS, ALLOY, ALLOY_SPEC, MICROGRAPH_PATCHES, RAMAN_REPLICATES, FURNACE_LOG, XRD_BINS, PHASES, ARRHENIUS, ALLOY_DESIGN, LPBF, TEMPERING
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "The generated rows");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws org.anneal.spec.ConfigError {
        var cols = Generators.columns(p.dataset());
        for (String c : p.ignore()) {
            if (cols.stream().noneMatch(x -> x.name().equals(c))) {
                throw org.anneal.spec.ConfigError.atParam("ignore", "The dataset '" + org.anneal.spec.Choices.name(p.dataset()) + "' has no column '" + c + "'.",
                        "Columns: " + cols.stream().map(org.anneal.spec.ColumnSpec::name).toList());
            }
        }
        return Specs.of(TABLE, new TableSpec(cols.stream().filter(c -> !p.ignore().contains(c.name())).toList(), Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = Generators.generate(p.dataset(), p.rows(), p.noise(), ctx.seed());
        return Outputs.of(TABLE, new Table(t.columns().stream().filter(c -> !p.ignore().contains(c.name())).toList()));
    }
}
