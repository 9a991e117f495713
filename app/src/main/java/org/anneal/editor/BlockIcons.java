package org.anneal.editor;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.paint.Paint;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Phase;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The one place that says which icon a block shows: by its family (the part of the type id before the dot,
 * {@code split} in {@code split.group-kfold}), else by its CRISP-DM phase. Material Design Icons through Ikonli:
 * a font, so the icons stay sharp at any zoom and on a projector, and a block's icon follows its family without a
 * line in any node class.
 */
final class BlockIcons {
    static final Map<Phase, Ikon> PHASES = Map.of(
            Phase.DATA, MaterialDesignD.DATABASE,
            Phase.PREPARE, MaterialDesignF.FILTER_OUTLINE,
            Phase.MODEL, MaterialDesignC.COGS,
            Phase.EVALUATE, MaterialDesignC.CHART_BAR,
            Phase.DEPLOY, MaterialDesignE.EXPORT);

    static final Map<String, Ikon> FAMILIES = Map.ofEntries(
            Map.entry("data", MaterialDesignD.DATABASE),
            Map.entry("prepare", MaterialDesignF.FILTER_OUTLINE),
            Map.entry("pipeline", MaterialDesignP.PIPE),
            Map.entry("split", MaterialDesignC.CALL_SPLIT),
            Map.entry("model", MaterialDesignF.FUNCTION_VARIANT),
            Map.entry("cluster", MaterialDesignC.CHART_BUBBLE),
            Map.entry("nn", MaterialDesignB.BRAIN),
            Map.entry("loss", MaterialDesignS.SIGMA),
            Map.entry("optim", MaterialDesignT.TRENDING_DOWN),
            Map.entry("train", MaterialDesignS.SCHOOL),
            Map.entry("evaluate", MaterialDesignB.BULLSEYE_ARROW),
            Map.entry("explain", MaterialDesignL.LIGHTBULB_ON_OUTLINE),
            Map.entry("plot", MaterialDesignC.CHART_SCATTER_PLOT),
            Map.entry("optimize", MaterialDesignF.FLASK_OUTLINE),
            Map.entry("image", MaterialDesignM.MICROSCOPE),
            Map.entry("spectra", MaterialDesignW.WAVEFORM),
            Map.entry("signals", MaterialDesignS.SINE_WAVE));

    private BlockIcons() {
    }

    /** {@code split} for {@code split.group-kfold}. */
    static String family(NodeDescriptor d) {
        int dot = d.id().indexOf('.');
        return dot < 0 ? d.id() : d.id().substring(0, dot);
    }

    /** The family's own icon, if the family has one (a test keeps every registered family covered). */
    static Optional<Ikon> ofFamily(NodeDescriptor d) {
        return Optional.ofNullable(FAMILIES.get(family(d)));
    }

    /** The icon a block of type {@code d} shows: its family's, or its phase's for a family added since. */
    static Ikon of(NodeDescriptor d) {
        return ofFamily(d).orElse(PHASES.get(d.phase()));
    }

    /** A block's icon, {@code size} px, in {@code ink}. */
    static FontIcon icon(NodeDescriptor d, int size, Paint ink) {
        FontIcon f = font(of(d), size, ink);
        f.getStyleClass().add("block-icon");
        f.setId("icon-" + d.id().replace('.', '_'));
        return f;
    }

    /** A phase's icon (palette headings). */
    static FontIcon icon(Phase p, int size, Paint ink) {
        FontIcon f = font(PHASES.get(p), size, ink);
        f.setId("icon-" + p.name().toLowerCase(Locale.ROOT));
        return f;
    }

    private static FontIcon font(Ikon ikon, int size, Paint ink) {
        FontIcon f = new FontIcon(ikon);
        f.setIconSize(size);
        f.setIconColor(ink);
        f.getStyleClass().add("phase-icon");
        return f;
    }
}
