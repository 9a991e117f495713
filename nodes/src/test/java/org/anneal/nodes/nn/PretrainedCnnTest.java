package org.anneal.nodes.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.anneal.data.Table;
import org.anneal.nn.dl4j.BackbonePretraining;
import org.anneal.nn.dl4j.Dl4jRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The recipe of the shipped pretrained network, and the check that it still makes the shipped weights. Run with
 * {@code -Danneal.rebuildPretrained=true -Danneal.updatePretrained=true} to (re)write {@code nodes/src/main/resources/org/anneal/pretrained/}.
 * Bit-identical weights need the same seed and native thread count (recorded in the provenance) — and the same CPU
 * kernels of OpenBLAS, so on another processor the rebuilt weights may differ in the last bits; the test then compares
 * them within a tolerance and says so.
 */
class PretrainedCnnTest {
    static final long SEED = 2026;
    static final int EPOCHS = 15;
    static final int BATCH = 16;
    static final double RATE = 0.01;
    static final Path SHIPPED = Path.of("src/main/resources/org/anneal/pretrained");

    /** 45 specimens (15 per route) × 8 fields of 32×32 pixels at 2 µm with 3 % pores; specimens 1–36 train, 37–45 are held out. */
    static Table[] micrographs() throws Exception {
        var s = ExampleEdits.empty(SEED).add("gen", "data.generate-micrographs", Map.of("specimens", 45, "fieldsPerSpecimen", 8,
                "size", 32, "pixelSize", 2.0, "porosity", 0.03)).run();
        Table all = (Table) s.run().node("gen").outputs().get("table");
        return new Table[] {all.rows(IntStream.range(0, 36 * 8).toArray()), all.rows(IntStream.range(36 * 8, 45 * 8).toArray())};
    }

    static BackbonePretraining.Result rebuild() throws Exception {
        Table[] t = micrographs();
        return BackbonePretraining.train(t[0], t[1], "image", "route", PretrainedWeights.BACKBONE, EPOCHS, BATCH, RATE,
                new SeededContext(SEED));
    }

    @Test
    void theShippedWeightsLoadAndMatchTheirProvenance() {
        float[][] shipped = PretrainedWeights.load(); // checks the SHA-256
        assertEquals(List.of(160, 0, 4640, 0, 0), IntStream.range(0, shipped.length).mapToObj(i -> shipped[i].length).toList());
        Properties p = PretrainedWeights.provenance();
        assertTrue(Double.parseDouble(p.getProperty("heldOutAccuracy")) > 0.6, p.toString());
        assertTrue(p.getProperty("recipe").contains("seed=" + SEED), p.toString());
    }

    /** About a minute on two busy cores, so on demand: {@code mvn -o -B -pl nodes test -Dtest=PretrainedCnnTest -Danneal.rebuildPretrained=true}. */
    @Test
    @EnabledIfSystemProperty(named = "anneal.rebuildPretrained", matches = "true")
    void theRecipeRebuildsTheShippedWeights() throws Exception {
        BackbonePretraining.Result r = rebuild();
        byte[] bytes = PretrainedWeights.bytes(r.weights());
        if (Boolean.getBoolean("anneal.updatePretrained")) {
            write(r, bytes);
        }
        Properties p = PretrainedWeights.provenance();
        float[][] shipped = PretrainedWeights.load();
        assertTrue(r.accuracy() > 0.6, "the pretraining task is learnt: held-out accuracy " + r.accuracy());
        if (PretrainedWeights.sha256(bytes).equals(p.getProperty("sha256"))) {
            return;
        }
        System.out.println("rebuilt weights differ in bits from the shipped ones (other CPU kernels?); comparing with a tolerance");
        for (int i = 0; i < shipped.length; i++) {
            assertArrayEquals(shipped[i], r.weights()[i], 1e-3f, "layer " + i);
        }
    }

    private static void write(BackbonePretraining.Result r, byte[] bytes) throws Exception {
        Files.createDirectories(SHIPPED);
        Files.write(SHIPPED.resolve(PretrainedWeights.WEIGHTS), bytes);
        String counts = String.join(",", IntStream.range(0, r.weights().length).mapToObj(i -> Integer.toString(r.weights()[i].length)).toList());
        List<String> lines = List.of(
                "# Anneal's pretrained micrograph network: how it was made (rebuilt and checked by PretrainedCnnTest)",
                "recipe=data.generate-micrographs specimens=45 fieldsPerSpecimen=8 size=32 pixelSize=2 porosity=0.03 seed=" + SEED
                        + "; specimens 1-36 train, 37-45 held out; target route (3 classes)",
                "architecture=conv2d 16 3x3 relu, max-pool 2x2, conv2d 32 3x3 relu, max-pool 2x2, global-avg-pool; softmax head (not shipped)",
                "training=Adam " + RATE + ", " + EPOCHS + " epochs, batch " + BATCH + ", float32, seed " + SEED + ", " + Dl4jRuntime.threads()
                        + " native thread(s), DL4J " + Dl4jRuntime.VERSION,
                "heldOutAccuracy=" + String.format(Locale.ROOT, "%.3f", r.accuracy()),
                "layerWeights=" + counts,
                "format=little-endian float32, layer after layer, DL4J's flattened parameter order",
                "sha256=" + PretrainedWeights.sha256(bytes));
        Files.write(SHIPPED.resolve(PretrainedWeights.PROVENANCE), lines);
    }
}
