package org.anneal.nodes.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.anneal.nn.Activation;
import org.anneal.nn.LayerDef;
import org.anneal.spec.NodeFailure;

/**
 * Anneal's own pretrained micrograph network, shipped inside the installation (never downloaded, never read from a
 * workflow's folder): the architecture is {@link #BACKBONE}, written here in code; the file holds only numbers —
 * little-endian float32 weights, layer after layer — so loading it instantiates nothing it names. Its provenance
 * (recipe, seed, epochs, held-out accuracy, SHA-256) is in {@code micrograph-cnn.properties} beside it, and
 * {@code PretrainedCnnTest} rebuilds it from the recipe.
 */
public final class PretrainedWeights {
    /** The resource folder, on the class path. */
    static final String FOLDER = "/org/anneal/pretrained/";
    static final String WEIGHTS = "micrograph-cnn.bin";
    static final String PROVENANCE = "micrograph-cnn.properties";

    /** conv 16 → max-pool → conv 32 → max-pool → global average: a grey image of any size ≥ 10×10 to a vector of 32. */
    public static final List<LayerDef> BACKBONE = List.of(
            new Conv2dNode.Params(16, List.of(3, 3), List.of(1, 1), LayerDef.Padding.VALID, Activation.RELU),
            new PoolNode.Params(LayerDef.PoolKind.MAX, List.of(2, 2), List.of(2, 2)),
            new Conv2dNode.Params(32, List.of(3, 3), List.of(1, 1), LayerDef.Padding.VALID, Activation.RELU),
            new PoolNode.Params(LayerDef.PoolKind.MAX, List.of(2, 2), List.of(2, 2)),
            new GlobalPoolNode.Params(LayerDef.PoolKind.AVG));

    /** Smallest image side the backbone takes: 10 → 8 → 4 → 2 → 1. */
    static final int MIN_SIDE = 10;

    private PretrainedWeights() {
    }

    /** The provenance lines, as shipped. */
    public static Properties provenance() {
        Properties p = new Properties();
        try (InputStream in = PretrainedWeights.class.getResourceAsStream(FOLDER + PROVENANCE)) {
            if (in == null) {
                throw missing(PROVENANCE);
            }
            p.load(in);
        } catch (IOException e) {
            throw missing(PROVENANCE);
        }
        return p;
    }

    /** Each backbone layer's weights, checked against the SHA-256 in the provenance. */
    public static float[][] load() {
        byte[] bytes;
        try (InputStream in = PretrainedWeights.class.getResourceAsStream(FOLDER + WEIGHTS)) {
            if (in == null) {
                throw missing(WEIGHTS);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw missing(WEIGHTS);
        }
        String expected = provenance().getProperty("sha256", "");
        if (!sha256(bytes).equals(expected)) {
            throw new NodeFailure("The pretrained weights in this installation are damaged (SHA-256 " + sha256(bytes) + ", expected "
                    + expected + ").", "Reinstall Anneal.");
        }
        String[] counts = provenance().getProperty("layerWeights", "").split(",");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] out = new float[BACKBONE.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[Integer.parseInt(counts[i].trim())];
            b.asFloatBuffer().get(out[i]);
            b.position(b.position() + 4 * out[i].length);
        }
        return out;
    }

    /** The bytes of the weights file for {@code weights} (layer after layer), as {@link #load} reads them. */
    public static byte[] bytes(float[][] weights) {
        int n = 0;
        for (float[] w : weights) {
            n += w.length;
        }
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] w : weights) {
            for (float v : w) {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NodeFailure missing(String file) {
        return new NodeFailure("The pretrained network's " + file + " is missing from this installation.", "Reinstall Anneal.");
    }
}
