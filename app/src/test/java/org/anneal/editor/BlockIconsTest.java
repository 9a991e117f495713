package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.Phase;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonProvider;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Every registered block shows an icon chosen by its family, and every icon is a glyph of the bundled font. */
class BlockIconsTest {

    @Test
    void everyRegisteredFamilyHasItsOwnIcon() {
        Set<String> missing = new TreeSet<>();
        for (NodeDescriptor d : NodeRegistry.standard().all()) {
            assertNotNull(BlockIcons.of(d), d.id());
            if (BlockIcons.ofFamily(d).isEmpty()) {
                missing.add(BlockIcons.family(d) + " (" + d.id() + ")");
            }
        }
        assertEquals(Set.of(), missing, "families without an icon in BlockIcons.FAMILIES");
        for (Phase p : Phase.values()) {
            assertNotNull(BlockIcons.PHASES.get(p), p + " has a heading icon");
        }
    }

    @Test
    void theFamilyDecidesNotTheNodeClass() {
        NodeRegistry r = NodeRegistry.standard();
        assertEquals(MaterialDesignF.FUNCTION_VARIANT, BlockIcons.of(r.find("model.ridge").orElseThrow()));
        assertEquals(BlockIcons.of(r.find("split.holdout").orElseThrow()), BlockIcons.of(r.find("split.group").orElseThrow()));
        assertEquals(MaterialDesignC.CALL_SPLIT, BlockIcons.of(r.find("split.holdout").orElseThrow()));
        assertEquals("split", BlockIcons.family(r.find("split.holdout").orElseThrow()));
    }

    @Test
    void everyIconIsAGlyphOfTheBundledPack() {
        Set<Class<?>> packs = new java.util.HashSet<>();
        for (IkonProvider<?> p : java.util.ServiceLoader.load(IkonProvider.class)) {
            packs.add(p.getIkon());
        }
        BlockIcons.FAMILIES.values().forEach(i -> assertTrue(packs.contains(i.getClass()), i + " comes from a pack on the class path"));
        BlockIcons.PHASES.values().forEach(i -> assertTrue(packs.contains(i.getClass()), i + " comes from a pack on the class path"));
        BlockIcons.FAMILIES.values().forEach(i -> assertTrue(i.getDescription().startsWith("mdi2") && i.getCode() > 0xF0000, i.getDescription()));
    }
}
