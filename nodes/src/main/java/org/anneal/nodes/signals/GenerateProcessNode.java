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

@NodeType(id = "data.generate-process", title = "Generate furnace logs", phase = Phase.DATA, role = LeakageRole.SOURCE,
        doc = """
                Heat-treatment furnace runs under PI control, logged once a minute in long format: `run`, `minute`, `channel` \
                (`power` in %, `setpoint` and `temperature` from the thermocouple, °C) and `value`, ready for \
                data.process-log. The load heats as a first-order system (time constant 60 min) while the set-point ramps at \
                10 °C/min to a soak of 820–880 °C. A share of the runs gets one fault during the soak: `heater-loss` (capacity \
                drops to 55 %, the temperature sags), `thermocouple-drift` (the reading creeps up 1 °C/min, so the logged \
                temperature looks right and only the power shows it), `door-opening` (four times the heat loss for 8 minutes) \
                or `oscillation` (on/off control with ±5 °C hysteresis). The minute is plant time: loads follow one another with an \
                hour's turnaround, so a time split trains on earlier loads. Truth: `active_fault` (the target by default: the fault \
                acting at that minute, `none` before it starts), `fault` (the run's fault; the target with `target = run-fault`), `anomaly` (1 while the fault acts) \
                and `true_temperature`. Left out: gradients in the load, radiation, dead time. Seeded.""")
public final class GenerateProcessNode implements Node<GenerateProcessNode.Params> {

    public record Params(
            @Param(doc = "Number of furnace runs (loads)", def = "40", min = 1, max = 10000) int runs,
            @Param(doc = "Length of each run in minutes (one sample a minute)", def = "240", min = 120, max = 100000) int minutes,
            @Param(doc = "Share of runs with a fault", def = "0.6", min = 0, max = 1) double faultShare,
            @Param(doc = "What to predict: the fault acting at each minute (for windows and time splits), or the run's "
                    + "fault (one label per load, for classifying whole runs)", def = "\"active-fault\"") Target target) {
    }

    /** Which truth column is the target. */
    public enum Target { ACTIVE_FAULT, RUN_FAULT }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per run, minute and channel");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) {
        return Specs.of(TABLE, FurnaceRuns.generate(1, 120, 0, 0, p.target() == Target.RUN_FAULT).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(TABLE, FurnaceRuns.generate(p.runs(), p.minutes(), p.faultShare(), ctx.seed(), p.target() == Target.RUN_FAULT));
    }
}
