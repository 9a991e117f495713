package org.anneal.nodes.signals;

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
                and `true_temperature`. With `cycle = temper` a quenched 0.4 wt% C steel part soaks at 450–650 °C instead, and each run \
                gets the part's `hardness_gpa` (the target with `target = hardness`) from its true temperature history by \
                Hollomon and Jaffe, P = T[K]·(20 + log10 t[h]) / 1000 added up step by step as the temperature changes, with \
                `tempering_parameter` as truth. A drifting thermocouple leaves the part harder, but only by about the 0.03 GPa \
                scatter of the measurement: late in the soak, time counts through its logarithm. Left out: \
                gradients in the load, radiation, dead time, secondary hardening. Seeded.""")
public final class GenerateProcessNode implements Node<GenerateProcessNode.Params> {

    public record Params(
            @Param(doc = "Number of furnace runs (loads)", def = "40", min = 1, max = 10000) int runs,
            @Param(doc = "Length of each run in minutes (one sample a minute)", def = "240", min = 120, max = 100000) int minutes,
            @Param(doc = "Share of runs with a fault", def = "0.6", min = 0, max = 1) double faultShare,
            @Param(doc = "What to predict: the fault acting at each minute (for windows and time splits), or the run's "
                    + "fault (one label per load, for classifying whole runs), or the tempered part's hardness (temper cycles)",
                    def = "\"active-fault\"") Target target,
            @Param(doc = "What the furnace does: harden (austenitise at 820–880 °C) or temper a quenched part at 450–650 °C, "
                    + "which adds its Hollomon–Jaffe hardness", def = "\"harden\"") Cycle cycle) {
        /** A hardening cycle (workflows from before the tempering cycle). */
        public Params(int runs, int minutes, double faultShare, Target target) {
            this(runs, minutes, faultShare, target, Cycle.HARDEN);
        }
    }

    /** What the furnace does to the load: harden (austenitise at 820–880 °C) or temper a quenched part at 450–650 °C. */
    public enum Cycle { HARDEN, TEMPER }

    /** Which truth column is the target. */
    public enum Target {
        ACTIVE_FAULT(FurnaceRuns.Truth.ACTIVE_FAULT), RUN_FAULT(FurnaceRuns.Truth.RUN_FAULT), HARDNESS(FurnaceRuns.Truth.HARDNESS);

        final FurnaceRuns.Truth truth;

        Target(FurnaceRuns.Truth truth) {
            this.truth = truth;
        }
    }

    static final OutPort<Table> TABLE = OutPort.of("table", DataKind.TABLE, Table.class, "One row per run, minute and channel");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        if (p.target() == Target.HARDNESS && p.cycle() != Cycle.TEMPER) {
            throw ConfigError.atParam("target", "A hardening cycle leaves the part's hardness to the quench, which the generator does not model.",
                    "Set cycle to temper, or predict the fault.");
        }
        return Specs.of(TABLE, FurnaceRuns.generate(1, 120, 0, 0, p.cycle(), p.target().truth).spec(Lineage.UNSPLIT));
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        return Outputs.of(TABLE, FurnaceRuns.generate(p.runs(), p.minutes(), p.faultShare(), ctx.seed(), p.cycle(), p.target().truth));
    }
}
