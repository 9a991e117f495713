package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class ComponentPlotsTest {
    private static Table parts(List<String> names) {
        return new Table(List.of(new CategoricalColumn("column", ColumnRole.ID, new int[] {0, 1, 2}, names),
                new NumericColumn("nmf1", ColumnRole.FEATURE, new double[] {0.1, 0.9, 0.2}),
                new NumericColumn("nmf2", ColumnRole.FEATURE, new double[] {0.5, 0.0, 0.7})));
    }

    @Test
    void partsOfSpectraAreCurvesOnTheAxisReadFromTheColumnNames() {
        Plot p = ComponentPlots.addTo(Map.of(), parts(List.of("2θ_26.65", "2θ_20.1", "2θ_29.4"))).get("On the axis");
        assertEquals("2θ", p.xLabel());
        assertEquals("nmf1, nmf2 on the 2θ axis", p.title());
        assertArrayEquals(new double[] {20.1, 26.65, 29.4}, p.series().get(0).x(), "in axis order");
        assertArrayEquals(new double[] {0.9, 0.1, 0.2}, p.series().get(0).y());
        assertArrayEquals(new double[] {0.0, 0.5, 0.7}, p.series().get(1).y());
    }

    @Test
    void columnsOfAnOrdinaryTableAreNoAxis() {
        assertTrue(ComponentPlots.addTo(Map.of(), parts(List.of("carbon", "manganese", "silicon"))).isEmpty());
        assertTrue(ComponentPlots.addTo(Map.of(), parts(List.of("2θ_26.65", "energy_1.2", "2θ_29.4"))).isEmpty(), "two axes");
    }
}
