package org.anneal.nodes.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anneal.data.Table;
import org.junit.jupiter.api.Test;

/**
 * The tempering generator, the tree's one use of the Hollomon–Jaffe parameter, against P = T[K]·(20 + log10 t[h])/1000
 * worked by hand: time and temperature act only through P, so an hour at 600 °C tempers as far as ten hours at 558.4 °C.
 */
class TemperingHollomonJaffeTest {
    private static double hardness(double temperC, double hours, double carbon) {
        double p = (temperC + 273.15) * (20 + Math.log10(hours)) / 1000;
        return 1.8 + (1.5 + 8 * carbon) / (1 + Math.exp((p - 13) / 1.6));
    }

    @Test
    void everyRowsHardnessIsTheLawOfItsTemperTimeAndCarbon() {
        Table t = PhysicsGenerators.tempering(300, 0, new SplittableRandom(3));
        for (int r = 0; r < t.rowCount(); r++) {
            double temper = t.numeric("temper_c").get(r);
            double hours = t.numeric("time_h").get(r);
            double carbon = t.numeric("carbon_wt").get(r);
            assertTrue(hours >= 0.5 && hours <= 8 && carbon >= 0.2 && carbon <= 0.6, "row " + r);
            assertEquals(hardness(temper, hours, carbon), t.numeric("hardness_gpa").get(r), 1e-12, "row " + r);
            assertEquals(150 + 500.0 * r / 299, temper, 10, "tempers rise in run order (± 2 °C scatter)");
        }
    }

    @Test
    void handWorkedPointsOfTheLaw() {
        // 600 °C for 1 h: P = 873.15 · 20 / 1000 = 17.463; 10 h at T with T·21 = 17463 → T = 831.57 K = 558.42 °C
        assertEquals(hardness(600, 1, 0.4), hardness(831.571 - 273.15, 10, 0.4), 1e-4, "the same P, the same hardness");
        // 200 °C for 1 h, 0.4 % C: P = 9.463, (1.5 + 3.2)/(1 + e^(−2.2106) = 1.1096) = 4.2357 → 6.036 GPa, near as-quenched 1.8 + 4.7
        assertEquals(6.036, hardness(200, 1, 0.4), 1e-3);
        // 700 °C for 8 h, 0.6 % C: P = 973.15 · 20.903 / 1000 = 20.342, (1.5 + 4.8)/(1 + e^4.589 = 99.4) = 0.063: near the floor
        assertEquals(1.863, hardness(700, 8, 0.6), 1e-3);
        // noise is Gaussian with sd `noise` around the law
        Table noisy = PhysicsGenerators.tempering(4000, 0.1, new SplittableRandom(5));
        double sum = 0;
        double sq = 0;
        for (int r = 0; r < noisy.rowCount(); r++) {
            double e = noisy.numeric("hardness_gpa").get(r) - hardness(noisy.numeric("temper_c").get(r), noisy.numeric("time_h").get(r),
                    noisy.numeric("carbon_wt").get(r));
            sum += e;
            sq += e * e;
        }
        assertEquals(0, sum / 4000, 0.006);
        assertEquals(0.1, Math.sqrt(sq / 4000), 0.005);
    }
}
