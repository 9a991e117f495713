package org.anneal.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void describesImagesSpectraAndSignalsShortly() {
        assertEquals("64×64×1", Shape.image(64, 64, 1).describe());
        assertEquals("2048 ch · 0–20.47 keV", Shape.spectrum(Axis.regular("energy", 2048, "keV", 0, 0.01)).describe());
        assertEquals("1000×3 · 0–9.99 s", Shape.signal(Axis.regular("time", 1000, "s", 0, 0.01), 3).describe());
        assertEquals("4251 ch · 5–90 °", Shape.spectrum(Axis.regular("2θ", 4251, "°", 5, 0.02)).describe());
        assertEquals("512 ch", Shape.spectrum(Axis.of("channel", 512)).describe());
        assertEquals("scalar", Shape.SCALAR.describe());
        assertEquals("3 ch · 400–4000 cm⁻¹", Shape.spectrum(Axis.listed("wavenumber", "cm⁻¹", new double[] {400, 1000.5, 4000})).describe());
    }

    @Test
    void sizeAndDimsFollowTheAxes() {
        Shape s = Shape.image(28, 32, 3);
        assertEquals(28 * 32 * 3, s.size());
        assertArrayEquals(new int[] {28, 32, 3}, s.dims());
        assertEquals(3, s.rank());
        assertEquals("x", s.axis(1).name());
        assertTrue(Shape.SCALAR.isScalar());
        assertEquals(1, Shape.SCALAR.size());
        assertThrows(IllegalArgumentException.class, () -> Shape.image(100_000, 100_000, 1));
        assertThrows(IllegalArgumentException.class, () -> Shape.image(0, 4, 1));
    }

    @Test
    void twoLibrariesOnDifferentGridsAreNotTheSameGrid() {
        Shape a = Shape.spectrum(Axis.regular("energy", 2048, "eV", 0, 10));
        Shape sameWrittenOut = Shape.spectrum(Axis.listed("E", "eV", java.util.stream.IntStream.range(0, 2048).mapToDouble(i -> i * 10.0).toArray()));
        Shape shifted = Shape.spectrum(Axis.regular("energy", 2048, "eV", 5, 10));
        Shape finer = Shape.spectrum(Axis.regular("energy", 2048, "eV", 0, 5));
        Shape otherUnit = Shape.spectrum(Axis.regular("energy", 2048, "keV", 0, 10));
        Shape noGrid = Shape.spectrum(Axis.of("energy", 2048));
        assertTrue(a.sameGrid(a));
        assertTrue(a.sameGrid(sameWrittenOut), "a listed grid on the same points is the same grid");
        assertFalse(a.sameGrid(shifted));
        assertFalse(a.sameGrid(finer));
        assertFalse(a.sameGrid(otherUnit));
        assertFalse(a.sameGrid(noGrid), "nothing says how a spectrum without a grid is aligned");
        assertTrue(Shape.image(64, 64, 1).sameGrid(Shape.image(64, 64, 1)));
        assertFalse(Shape.image(64, 64, 1).sameGrid(Shape.image(64, 64, 3)));
        assertFalse(Shape.image(64, 64, 1).sameGrid(Shape.spectrum(Axis.of("c", 4096))));
    }

    @Test
    void gridsAreImmutableAndCompareByValue() {
        double[] v = {1, 2, 3};
        Axis a = Axis.listed("t", "s", v);
        v[0] = 99;
        assertEquals(1, a.value(0));
        a.values()[1] = 99;
        assertEquals(2, a.value(1));
        assertEquals(a, Axis.listed("t", "s", new double[] {1, 2, 3}));
        assertEquals(a.hashCode(), Axis.listed("t", "s", new double[] {1, 2, 3}).hashCode());
        assertEquals(Shape.image(2, 2, 1), Shape.image(2, 2, 1));
    }

    @Test
    void columnSpecsKeepTheOldConstructorsAndCarryShapes() {
        ColumnSpec scalar = new ColumnSpec("t", ColumnType.NUMERIC, ColumnRole.FEATURE, "°C");
        assertEquals(Shape.SCALAR, scalar.shape());
        assertEquals(Shape.SCALAR, new ColumnSpec("c", ColumnType.CATEGORICAL, ColumnRole.GROUP).shape());
        assertEquals(Shape.SCALAR, new ColumnSpec("n", ColumnType.NUMERIC, ColumnRole.FEATURE, "", null).shape(), "null means scalar");
        assertEquals("number", scalar.typeLabel());
        ColumnSpec spectrum = ColumnSpec.tensor("eds", ColumnRole.FEATURE, Shape.spectrum(Axis.regular("energy", 2048, "keV", 0, 0.01)), "counts");
        assertEquals("tensor 2048 ch · 0–20.47 keV", spectrum.typeLabel());
        assertEquals(spectrum.shape(), spectrum.withRole(ColumnRole.IGNORE).shape());
        assertThrows(IllegalArgumentException.class, () -> new ColumnSpec("x", ColumnType.TENSOR, ColumnRole.FEATURE));
        assertThrows(IllegalArgumentException.class, () -> new ColumnSpec("x", ColumnType.NUMERIC, ColumnRole.FEATURE, "", Shape.image(2, 2, 1)));
    }

    @Test
    void aTensorFeatureIsALocatedConfigErrorForScalarNodes() {
        TableSpec t = new TableSpec(java.util.List.of(new ColumnSpec("x", ColumnType.NUMERIC, ColumnRole.FEATURE),
                ColumnSpec.tensor("micrograph", ColumnRole.FEATURE, Shape.image(64, 64, 1), "")), Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> t.requireScalarFeatures("train"));
        assertTrue(e.getMessage().contains("'micrograph'") && e.getMessage().contains("64×64×1"), e.getMessage());
        assertEquals("train", e.port());
        TableSpec ignored = t.withColumns(java.util.List.of(t.columns().get(0), t.columns().get(1).withRole(ColumnRole.IGNORE)));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> ignored.requireScalarFeatures("train"));
    }
}
