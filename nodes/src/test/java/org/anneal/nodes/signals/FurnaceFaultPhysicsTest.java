package org.anneal.nodes.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.junit.jupiter.api.Test;

/**
 * The furnace generator against what its first-order plant and PI controller fix by hand: the set-point ramp, the power a
 * soak needs, the temperature a weakened heater can still reach, the drift of a thermocouple, a door's 8 minutes and an
 * on/off limit cycle.
 */
class FurnaceFaultPhysicsTest {
    /** One run's minutes: set-point, reading, power, true temperature, and whether the fault acts. */
    record Run(String fault, double[] setpoint, double[] reading, double[] power, double[] truth, boolean[] active) {
        int start() {
            for (int m = 0; m < active.length; m++) {
                if (active[m]) {
                    return m;
                }
            }
            return -1;
        }
    }

    static final int MINUTES = 600;
    static final List<Run> RUNS = runs(FurnaceRuns.generate(60, MINUTES, 0.85, 23));

    static List<Run> runs(Table log) {
        CategoricalColumn run = (CategoricalColumn) log.column("run").orElseThrow();
        CategoricalColumn channel = (CategoricalColumn) log.column("channel").orElseThrow();
        CategoricalColumn fault = (CategoricalColumn) log.column("fault").orElseThrow();
        List<Run> out = new ArrayList<>();
        int rows = MINUTES * FurnaceRuns.CHANNELS.length;
        for (int k = 0; k * rows < log.rowCount(); k++) {
            Run r = new Run(fault.get(k * rows), new double[MINUTES], new double[MINUTES], new double[MINUTES], new double[MINUTES], new boolean[MINUTES]);
            for (int i = k * rows; i < (k + 1) * rows; i++) {
                int m = (int) (log.numeric("minute").get(i) - k * (MINUTES + FurnaceRuns.TURNAROUND));
                double v = log.numeric("value").get(i);
                switch (channel.get(i)) {
                    case "setpoint" -> r.setpoint()[m] = v;
                    case "temperature" -> r.reading()[m] = v;
                    default -> r.power()[m] = v;
                }
                r.truth()[m] = log.numeric("true_temperature").get(i);
                r.active()[m] = log.numeric("anomaly").get(i) == 1;
                assertEquals(run.get(k * rows), run.get(i));
            }
            out.add(r);
        }
        return out;
    }

    static List<Run> of(String fault) {
        List<Run> l = RUNS.stream().filter(r -> r.fault().equals(fault)).toList();
        assertTrue(l.size() >= 5, fault + ": " + l.size() + " runs of 60");
        return l;
    }

    @Test
    void healthyRunsRampAtTenDegreesAMinuteAndSoakOnTheHeatTheLossesNeed() {
        for (Run r : of("none")) {
            double soak = r.setpoint()[MINUTES - 1];
            assertTrue(soak >= 820 && soak <= 880, "soak " + soak);
            for (int m = 0; m < MINUTES; m++) {
                assertEquals(Math.min(soak, 25 + 10 * m), r.setpoint()[m], 1e-9, "set-point at minute " + m);
                assertTrue(!r.active()[m]);
            }
            // in a steady soak the heater replaces the loss (T − 25)/τ: u·1200 = T − 25. Each minute's power carries the
            // reading's noise (sd 0.5 °C × gain 2 %/°C = 1 %); the hour's mean carries an eighth of it
            double mean = 0;
            for (int m = MINUTES - 60; m < MINUTES; m++) {
                assertEquals(soak, r.truth()[m], 1.0, "the load holds its soak at minute " + m);
                mean += r.power()[m] / 60;
            }
            assertEquals(100 * (soak - 25) / 1200, mean, 0.5, "the power a soak of " + soak + " °C needs");
        }
    }

    @Test
    void aWeakenedHeaterCannotHoldTheSoakAndSagsTowardsWhatItCanReach() {
        for (Run r : of("heater-loss")) {
            int start = r.start();
            for (int m = start; m < MINUTES; m++) {
                assertTrue(r.active()[m], "the fault acts to the end of the run");
            }
            // at full power 55 % of the heater holds T − 25 = 0.55 · 1200: 685 °C, approached with τ = 60 min
            double soak = r.setpoint()[MINUTES - 1];
            double expected = 685 + (soak - 685) * Math.exp(-(MINUTES - 1 - start) / 60.0);
            assertEquals(100, r.power()[MINUTES - 1], 1e-9, "the controller saturates");
            assertEquals(expected, r.truth()[MINUTES - 1], 0.02 * (soak - 685) + 1, "start " + start);
        }
    }

    @Test
    void aDriftingThermocoupleReadsOneDegreeHighPerMinuteWhileTheLoadCools() {
        for (Run r : of("thermocouple-drift")) {
            int start = r.start();
            // the reading of minute m is taken at its start, where the load still has the temperature logged for m − 1
            for (int m = Math.max(1, start); m < MINUTES; m += 7) {
                assertEquals(m - start, r.reading()[m] - r.truth()[m - 1], 2.5, "reading − truth at minute " + m + " (noise sd 0.5)");
            }
            if (MINUTES - start > 60) {
                // the controller keeps the reading on the set-point, so the load itself falls as the drift grows
                assertEquals(r.setpoint()[MINUTES - 1] - (MINUTES - 1 - start), r.truth()[MINUTES - 1], 5, "start " + start);
            }
        }
    }

    @Test
    void anOpenDoorActsEightMinutesAndPullsTheLoadDown() {
        for (Run r : of("door-opening")) {
            int start = r.start();
            int minutes = 0;
            for (boolean a : r.active()) {
                minutes += a ? 1 : 0;
            }
            assertEquals(Math.min(8, MINUTES - start), minutes, "start " + start);
            // four times the loss at ~850 °C (3300 °C/h against the heater's 1200): the load falls tens of degrees
            double lowest = Double.MAX_VALUE;
            for (int m = start; m < Math.min(MINUTES, start + 9); m++) {
                lowest = Math.min(lowest, r.truth()[m] - r.setpoint()[m]);
            }
            assertTrue(lowest < -40, "the load falls below its set-point: " + lowest);
            assertEquals(100, r.power()[Math.min(MINUTES - 1, start + 3)], 1e-9, "the controller answers with full power");
            if (start + 90 < MINUTES) {
                assertEquals(r.setpoint()[start + 90], r.truth()[start + 90], 3, "back on the soak 90 minutes later");
            }
        }
    }

    @Test
    void onOffControlSwitchesFullPowerAndCyclesAroundTheSetPoint() {
        for (Run r : of("oscillation")) {
            int start = r.start();
            if (MINUTES - start < 60) {
                continue;
            }
            int crossings = 0;
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            for (int m = start + 10; m < MINUTES; m++) {
                assertTrue(r.power()[m] == 0 || r.power()[m] == 100, "on or off: " + r.power()[m]);
                double e = r.truth()[m] - r.setpoint()[m];
                low = Math.min(low, e);
                high = Math.max(high, e);
                crossings += (e > 0) != (r.truth()[m - 1] - r.setpoint()[m - 1] > 0) ? 1 : 0;
            }
            // ±5 °C of hysteresis on the reading, plus what a minute at full or no power overshoots
            assertTrue(high > 4 && low < -4, "a limit cycle of at least the hysteresis band: " + low + " … " + high);
            assertTrue(crossings >= (MINUTES - start - 10) / 30, crossings + " crossings in " + (MINUTES - start - 10) + " minutes");
        }
    }
}
