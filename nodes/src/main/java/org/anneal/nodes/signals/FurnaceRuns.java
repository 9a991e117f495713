package org.anneal.nodes.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
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
 * load, radiation's T⁴ law, actuator dead time, and the hardness that follows the cycle.
 */
final class FurnaceRuns {
    static final String[] FAULTS = {"none", "heater-loss", "thermocouple-drift", "door-opening", "oscillation"};
    static final String[] CHANNELS = {"power", "setpoint", "temperature"};
    /** Minutes between the end of one run and the start of the next (unloading, loading). */
    static final int TURNAROUND = 60;

    private FurnaceRuns() {
    }

    static Table generate(int runs, int minutes, double faultShare, long seed) {
        return generate(runs, minutes, faultShare, seed, false);
    }

    /** As above; with {@code runFaultIsTarget} the run's fault is the target and the fault at each minute is truth. */
    static Table generate(int runs, int minutes, double faultShare, long seed, boolean runFaultIsTarget) {
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
        int r = 0;
        for (int k = 0; k < runs; k++) {
            runNames.add(String.format("load%03d", k + 1));
            int f = rnd.nextDouble() < faultShare ? 1 + rnd.nextInt(FAULTS.length - 1) : 0;
            double soak = 820 + 60 * rnd.nextDouble();
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
        }
        return new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, run, runNames),
                new NumericColumn("minute", ColumnRole.TIME, minute, "min"),
                new CategoricalColumn("channel", ColumnRole.FEATURE, channel, List.of(CHANNELS)),
                new NumericColumn("value", ColumnRole.FEATURE, value),
                new CategoricalColumn("active_fault", runFaultIsTarget ? ColumnRole.IGNORE : ColumnRole.TARGET, activeFault, List.of(FAULTS)),
                new CategoricalColumn("fault", runFaultIsTarget ? ColumnRole.TARGET : ColumnRole.IGNORE, fault, List.of(FAULTS)),
                new NumericColumn("anomaly", ColumnRole.IGNORE, anomaly),
                new NumericColumn("true_temperature", ColumnRole.IGNORE, truth, "°C")));
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
