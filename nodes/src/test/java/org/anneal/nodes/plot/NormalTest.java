package org.anneal.nodes.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalTest {
    @Test
    void quantilesMatchPublishedTableValues() {
        // standard normal table (Abramowitz & Stegun 26.2): z(0.975) = 1.959964, z(0.995) = 2.575829, z(0.75) = 0.674490
        assertEquals(1.959963985, Normal.quantile(0.975), 1e-8);
        assertEquals(2.575829304, Normal.quantile(0.995), 1e-8);
        assertEquals(0.6744897502, Normal.quantile(0.75), 1e-8);
        assertEquals(-2.326347874, Normal.quantile(0.01), 1e-8, "lower tail branch");
        assertEquals(3.719016485, Normal.quantile(0.9999), 1e-7, "upper tail branch");
        assertEquals(0, Normal.quantile(0.5), 1e-15);
        assertEquals(1.959963985, Normal.halfWidth(0.95), 1e-8);
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1));
    }
}
