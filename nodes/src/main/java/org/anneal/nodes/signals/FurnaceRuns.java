package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.data.HollomonJaffe;
import org.anneal.nodes.signals.GenerateProcessNode.Cycle;
import org.anneal.spec.ColumnRole;

/**
 * Heat-treatment furnace runs under PID control, logged once a minute in long format (run, minute, channel, value), with
 * labelled faults. The load's temperature T follows a first-order balance, dT/dt = (u·ΔT_max·h − (T − T_amb)·k)/τ, with
 * τ = 60 min, ΔT_max = 1200 °C at full power u = 1 and T_amb = 25 °C, integrated in 0.1 min steps. The set-point ramps at
 * 10 °C/min to a soak temperature of 820–880 °C and holds it. A PI controller (anti-windup) reads the thermocouple,
 * which is T plus 0.5 °C noise. Each faulty run has one fault starting at a random minute in the soak:
 * <ul>
 *   <li>{@code heater-loss}: heating capacity h drops to 55 %, the controller saturates and T sags below the set-point;</li>
 *   <li>{@code thermocouple-drift}: the reading drifts upward 1 °C/min, so the controller cools the load while the
 *       logged temperature looks right: only the power channel shows it;</li>
 *   <li>{@code door-opening}: the loss coefficient k is 4 times larger for 8 minutes;</li>
 *   <li>{@code oscillation}: the controller falls back to on/off control with ±5 °C hysteresis, a limit cycle.</li>
 * </ul>
 * Channels: {@code setpoint}, {@code temperature} (the thermocouple) and {@code power} (u in %). The minute is plant time:
 * runs follow one another with an hour's turnaround, so a time split trains on earlier loads. Truth columns: {@code
 * active_fault} (the target: the fault acting at that minute, {@code none} before it starts or once the door is shut),
 * {@code fault} (per run), {@code anomaly} (1 while the fault acts) and {@code true_temperature}. Left out: thermal gradients in the
 * load, radiation's T⁴ law, actuator dead time.
 * <p>
 * A tempering cycle ({@link Cycle#TEMPER}) soaks a quenched 0.4 wt% C steel part at 450–650 °C instead, and the run's
 * hardness follows from the load's true temperature history by Hollomon and Jaffe: P = T[K]·(20 + log10 t[h]) / 1000 for an
 * isothermal temper, made additive for a changing temperature the usual way (at each 0.1-minute step, the P reached so far
 * is turned into the equivalent time at the present temperature, and the step is added to it), and hardness_gpa =
 * 1.8 + (1.5 + 8·0.4) / (1 + exp((P − 13) / 1.6)) as in data.generate's tempering set, measured with 0.03 GPa scatter.
 * So faults leave a mark in the part, if a faint one: a drifting thermocouple holds the load below its set-point, which
 * tempers it less (harder by about the measurement's scatter, since late in the soak time counts through its logarithm);
 * below 685 °C a heater at 55 % still holds the set-point. Left out as well: tempering during the ramp below 150 °C, secondary hardening, the cooling after the run.
 */
final class FurnaceRuns {
    static final String[] FAULTS = {"none", "heater-loss", "thermocouple-drift", "door-opening", "oscillation"};
    static final String[] CHANNELS = {"power", "setpoint", "temperature"};
    /** Minutes between the end of one run and the start of the next (unloading, loading). */
    static final int TURNAROUND = 60;

    private FurnaceRuns() {
    }

    /** Which truth column is the target. */
    enum Truth { ACTIVE_FAULT, RUN_FAULT, HARDNESS }

    /** Carbon content of the tempered steel, wt%. */
    static final double CARBON = 0.4;
    /** Temperatures below this (°C) temper too slowly to count, and keep the equivalent time finite at the start. */
    static final double TEMPERING_FROM = 150;

    static Table generate(int runs, int minutes, double faultShare, long seed) {
        return generate(runs, minutes, faultShare, seed, false);
    }

    /** As above; with {@code runFaultIsTarget} the run's fault is the target and the fault at each minute is truth. */
    static Table generate(int runs, int minutes, double faultShare, long seed, boolean runFaultIsTarget) {
        return generate(runs, minutes, faultShare, seed, Cycle.HARDEN, runFaultIsTarget ? Truth.RUN_FAULT : Truth.ACTIVE_FAULT);
    }

    /** Hollomon–Jaffe parameter after tempering {@code hours} more at {@code celsius}, having reached {@code p} so far. */
    static double temper(double p, double celsius, double hours) {
        if (celsius < TEMPERING_FROM) {
            return p;
        }
        return HollomonJaffe.parameter(celsius, (p == 0 ? 0 : HollomonJaffe.equivalentHours(p, celsius)) + hours);
    }

    /** Vickers hardness in GPa of the tempered 0.4 wt% C steel at Hollomon–Jaffe parameter p (as data.generate tempering). */
    static double hardness(double p) {
        return HollomonJaffe.hardnessGpa(p, CARBON);
    }

    static Table generate(int runs, int minutes, double faultShare, long seed, Cycle cycle, Truth target) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> runNames = new ArrayList<>();
        int rows = runs * minutes * CHANNELS.length;
        int[] run = new int[rows];
        int[] channel = new int[rows];
        int[] fault = new int[rows];
        int[] activeFault = new int[rows];
        double[] minute = new double[rows];
        double[] value = new double[rows];
        double[] anomaly = new double[rows];
        double[] truth = new double[rows];
        double[] hardness = new double[rows];
        double[] parameter = new double[rows];
        int r = 0;
        for (int k = 0; k < runs; k++) {
            runNames.add(String.format("load%03d", k + 1));
            int f = rnd.nextDouble() < faultShare ? 1 + rnd.nextInt(FAULTS.length - 1) : 0;
            double soak = 820 + 60 * rnd.nextDouble();
            if (cycle == Cycle.TEMPER) {
                soak = 450 + 200 * (soak - 820) / 60; // the same draw, so runs keep their faults and start minutes
            }
            double p = 0;
            int firstRow = r;
            int rampEnd = (int) Math.ceil((soak - 25) / 10);
            int start = f == 0 ? Integer.MAX_VALUE : rampEnd + 20 + rnd.nextInt(Math.max(1, minutes - rampEnd - 40));
            double t = 25;
            double integral = 0;
            boolean heating = true;
            double u = 0;
            for (int m = 0; m < minutes; m++) {
                boolean active = m >= start && (f != 3 || m < start + 8);
                double sp = Math.min(soak, 25 + 10 * m);
                double drift = f == 2 && m >= start ? 1.0 * (m - start) : 0;
                double reading = t + drift + 0.5 * gauss(rnd);
                double e = sp - reading;
                if (f == 4 && m >= start) {
                    heating = reading < sp - 5 || (heating && reading < sp + 5);
                    u = heating ? 1 : 0;
                } else {
                    double raw = 0.02 * e + 0.0006 * integral;
                    if (raw > 0 && raw < 1) {
                        integral += e; // anti-windup: integrate only while the output is not saturated
                    }
                    u = Math.max(0, Math.min(1, 0.02 * e + 0.0006 * integral));
                }
                double h = f == 1 && m >= start ? 0.55 : 1;
                double loss = f == 3 && active ? 4 : 1;
                for (int s = 0; s < 10; s++) {
                    t += 0.1 * (u * 1200 * h - (t - 25) * loss) / 60;
                    p = cycle == Cycle.TEMPER ? temper(p, t, 0.1 / 60) : p;
                }
                double[] logged = {100 * u, sp, reading};
                for (int c = 0; c < CHANNELS.length; c++, r++) {
                    run[r] = k;
                    channel[r] = c;
                    fault[r] = f;
                    minute[r] = k * (minutes + TURNAROUND) + m;
                    activeFault[r] = active ? f : 0;
                    value[r] = logged[c];
                    anomaly[r] = active ? 1 : 0;
                    truth[r] = t;
                }
            }
            if (cycle == Cycle.TEMPER) {
                double measured = hardness(p) + 0.03 * gauss(rnd);
                java.util.Arrays.fill(hardness, firstRow, r, measured);
                java.util.Arrays.fill(parameter, firstRow, r, p);
            }
        }
        List<Column> cols = new ArrayList<>(List.of(new CategoricalColumn("run", ColumnRole.GROUP, run, runNames),
                new NumericColumn("minute", ColumnRole.TIME, minute, "min"),
                new CategoricalColumn("channel", ColumnRole.FEATURE, channel, List.of(CHANNELS)),
                new NumericColumn("value", ColumnRole.FEATURE, value),
                new CategoricalColumn("active_fault", target == Truth.ACTIVE_FAULT ? ColumnRole.TARGET : ColumnRole.IGNORE, activeFault, List.of(FAULTS)),
                new CategoricalColumn("fault", target == Truth.RUN_FAULT ? ColumnRole.TARGET : ColumnRole.IGNORE, fault, List.of(FAULTS)),
                new NumericColumn("anomaly", ColumnRole.IGNORE, anomaly),
                new NumericColumn("true_temperature", ColumnRole.IGNORE, truth, "°C")));
        if (cycle == Cycle.TEMPER) {
            cols.add(new NumericColumn("hardness_gpa", target == Truth.HARDNESS ? ColumnRole.TARGET : ColumnRole.IGNORE, hardness, "GPa"));
            cols.add(new NumericColumn("tempering_parameter", ColumnRole.IGNORE, parameter));
        }
        return new Table(cols);
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
