package org.anneal.nodes.spectra;

import java.util.List;
import org.anneal.spec.Axis;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeType;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;

@NodeType(id = "spectra.l3l2", title = "EELS L₃/L₂ white-line ratio", phase = Phase.PREPARE, role = LeakageRole.STATELESS, usesSeed = false,
        doc = """
                Measures the L₃/L₂ white-line ratio of every background-subtracted EELS spectrum (wire \
                spectra.eels-background before it): the counts in the L₃ window over those in the L₂ window. With \
                `continuum` = double-step the edge's continuum under the lines is removed first, as Pearson et al. (1993) \
                do: two steps at the white-line maxima of heights 2 : 1 (the occupancy of 2p₃/₂ and 2p₁/₂), together as high \
                as the mean of the post-edge window `postFrom`–`postTo`. Appends `l3_area`, `l2_area` and `l3_l2`. The ratio \
                tracks the 3d occupancy and the valence of transition metals. Left out: plural-scattering removal (use thin \
                areas, t/λ below about 0.5, or deconvolve first), the continuum's fall between the edge and the post-edge \
                window, and the overlap of the two lines' tails across the windows' shared border.""")
public final class L3L2Node extends SpectrumMeasureNode<L3L2Node.Params> {

    public record Params(
            @Param(doc = "Spectrum column (background removed)", def = "\"spectrum\"", hint = Param.Hint.COLUMN) String column,
            @Param(doc = "L₃ window start, axis units", def = "570") double l3From,
            @Param(doc = "L₃ window end", def = "580") double l3To,
            @Param(doc = "L₂ window start", def = "580") double l2From,
            @Param(doc = "L₂ window end", def = "590") double l2To,
            @Param(doc = "Continuum under the white lines: none, or Pearson's double step", def = "\"double-step\"") Continuum continuum,
            @Param(doc = "Post-edge window start (double step)", def = "590") double postFrom,
            @Param(doc = "Post-edge window end (double step)", def = "596") double postTo) {
    }

    /** How the continuum under the lines is treated. */
    public enum Continuum { NONE, @org.anneal.spec.Choice("double-step") DOUBLE_STEP }

    @Override
    protected String column(Params p) {
        return p.column();
    }

    @Override
    protected List<String> measures(Params p) {
        return List.of("l3_area", "l2_area", "l3_l2");
    }

    @Override
    protected void check(Axis axis, Params p) throws ConfigError {
        window(axis, p.l3From(), p.l3To(), "l3From", 2);
        window(axis, p.l2From(), p.l2To(), "l2From", 2);
        if (p.l2From() < p.l3To()) {
            throw ConfigError.atParam("l2From", "The L₂ window starts at " + p.l2From() + ", inside the L₃ window that ends at " + p.l3To() + ".",
                    "Let the L₂ window start where the L₃ window ends, or later.");
        }
        if (p.continuum() == Continuum.DOUBLE_STEP) {
            window(axis, p.postFrom(), p.postTo(), "postFrom", 2);
        }
    }

    @Override
    protected double[] measure(double[] y, Axis axis, Params p) {
        int[] w3 = windowOrThrow(axis, p.l3From(), p.l3To());
        int[] w2 = windowOrThrow(axis, p.l2From(), p.l2To());
        double[] step = new double[y.length];
        if (p.continuum() == Continuum.DOUBLE_STEP) {
            int[] post = windowOrThrow(axis, p.postFrom(), p.postTo());
            double height = 0;
            for (int i = post[0]; i <= post[1]; i++) {
                height += y[i];
            }
            height /= post[1] - post[0] + 1;
            int top3 = argmax(y, w3);
            int top2 = argmax(y, w2);
            for (int i = 0; i < y.length; i++) {
                step[i] = height * ((i >= top3 ? 2 / 3.0 : 0) + (i >= top2 ? 1 / 3.0 : 0));
            }
        }
        double l3 = 0;
        double l2 = 0;
        for (int i = w3[0]; i <= w3[1]; i++) {
            // a channel on the shared border counts once, for L₃
            l3 += y[i] - step[i];
        }
        for (int i = Math.max(w2[0], w3[1] + 1); i <= w2[1]; i++) {
            l2 += y[i] - step[i];
        }
        return new double[] {l3, l2, l3 / l2};
    }

    private static int[] windowOrThrow(Axis axis, double from, double to) {
        try {
            return window(axis, from, to, "", 1);
        } catch (ConfigError e) {
            throw new IllegalStateException("configure checked the windows", e);
        }
    }

    private static int argmax(double[] y, int[] w) {
        int best = w[0];
        for (int i = w[0]; i <= w[1]; i++) {
            best = y[i] > y[best] ? i : best;
        }
        return best;
    }
}
