package org.anneal.nodes.spectra;

import org.anneal.data.Table;
import org.anneal.spec.Choice;
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

@NodeType(id = "data.generate-spectra", title = "Spectral teaching set", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Generates XRD-like powder patterns (2θ from 10° in steps of 0.05°, Cu Kα positions) of mixtures of quartz, \
                calcite and halite with known weight fractions, reproducibly from the workflow seed. Each sample mixes two or \
                three phases; its `replicates` share the fractions but each has a small zero shift (up to `shift` degrees), \
                its own background (a decaying fluorescence-like slope and a broad amorphous hump near 25°) and Poisson \
                counting noise, so intensities are non-negative counts. Columns: `pattern` (the tensor), `fraction_quartz`, \
                `fraction_calcite`, `fraction_halite`, `major_phase` (the truth; the one chosen as `target` is the target, the \
                others are ignored so no model sees them), `sample` (the group: replicates of one sample belong on one side \
                of a split) and `replicate`. The sticks are rounded published positions and heights, not structure factors; \
                intensity is proportional to weight fraction (no absorption), and there is no Kα₂, texture or size broadening.""")
public final class GenerateSpectraNode implements Node<GenerateSpectraNode.Params> {

    public record Params(
            @Param(doc = "Number of mixtures (groups)", def = "40", min = 1, max = 100000) int samples,
            @Param(doc = "Patterns per mixture", def = "3", min = 1, max = 100) int replicates,
            @Param(doc = "Channels from 10° in steps of 0.05° (1401 reaches 80°)", def = "1401", min = 10, max = 100000) int channels,
            @Param(doc = "Counts at the top of a pure phase's strongest peak; fewer counts, more relative noise", def = "1000", min = 1) double counts,
            @Param(doc = "Largest zero shift of a replicate, degrees", def = "0.05", min = 0, max = 1) double shift,
            @Param(doc = "Which truth column is the target", def = "\"fraction-quartz\"") Target target) {
    }

    /** The truth column declared as target. */
    public enum Target {
        @Choice("fraction-quartz") FRACTION_QUARTZ, @Choice("fraction-calcite") FRACTION_CALCITE, @Choice("fraction-halite") FRACTION_HALITE,
        @Choice("major-phase") MAJOR_PHASE;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per pattern");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        // the spec is that of a one-sample set: columns and shape do not depend on the rows
        return Specs.of(TABLE, XrdMixtures.generate(1, 1, p.channels(), 1, 0, p.target().column(), 0).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(TABLE, XrdMixtures.generate(p.samples(), p.replicates(), p.channels(), p.counts(), p.shift(), p.target().column(), ctx.seed()));
    }
}
