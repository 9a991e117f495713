package org.anneal.nodes.signals;

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

@NodeType(id = "data.generate-melt-pool", title = "Generate L-PBF melt-pool signals", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Laser powder-bed fusion of 316L: one row per `build` (a group) and `layer`, a track scanned at a random laser \
                `power` (100–400 W) and `speed` (0.15–2 m/s) with the build's `hatch` and `layer_thickness`, and the melt-pool \
                monitoring `signal` along it (channels: photodiode in V, pool width from a coaxial camera in µm; 20 µs a \
                sample). The `regime` (target) follows published criteria: *keyhole* when the normalised enthalpy ΔH/h_s = \
                A·P/(π·h_s·√(D·v·σ³)) exceeds 30 (King et al. 2014), otherwise *lack-of-fusion* when (h/W)² + (L/D)² > 1 \
                for hatch h, layer L and melt-pool width W and depth D (Tang, Pistorius and Beuth 2017), otherwise \
                *conduction*. W from Rosenthal's moving point source, D = W/2, deeper in proportion above the keyhole \
                threshold; absorptivity 0.35 ± 0.03 and the photodiode's gain differ between builds, so windows of one build \
                resemble each other (split by build). A keyhole oscillates and throws spatter spikes, a lack-of-fusion track \
                breaks up into dips. Truth columns: `enthalpy_ratio`, `width_um`, `depth_um`, `lof_index`. Left out: powder \
                physics, Marangoni flow, recoil pressure, heat build-up between layers, the scatter of the threshold. Seeded.""")
public final class GenerateMeltPoolNode implements Node<GenerateMeltPoolNode.Params> {

    public record Params(
            @Param(doc = "Number of builds (groups)", def = "8", min = 1, max = 1000) int builds,
            @Param(doc = "Layers (rows) per build", def = "40", min = 1, max = 10000) int layers,
            @Param(doc = "Samples per track signal", def = "250", min = 16, max = 100000) int samples) {
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per build and layer");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(TABLE, MeltPool.generate(1, 1, p.samples(), 0).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(TABLE, MeltPool.generate(p.builds(), p.layers(), p.samples(), ctx.seed()));
    }
}
