package org.anneal.nodes.spectra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the X-ray lines that could have made a peak: the lines of {@link EdsLines} within a tolerance of its energy,
 * closest first. Kα₁ and Kα₂ lie closer together than any detector resolves, so they are one line here, Kα, at the
 * energy the detector sees ({@link EdsLines#kAlpha}); Kβ, Lα and Lβ stay apart.
 */
final class LineIdentification {
    /** A line as a detector sees it: element, name, energy (keV) and weight within its shell. */
    record Line(String element, String name, double energy, double weight) {
    }

    /** A line within the tolerance of a peak: the peak's energy minus the line's, keV. */
    record Candidate(Line line, double error) {
    }

    private LineIdentification() {
    }

    /** The lines of the named elements (all of {@link EdsLines} when none is named), by atomic number. */
    static List<Line> catalogue(List<String> elements) {
        List<Line> out = new ArrayList<>();
        for (EdsLines.Element el : EdsLines.ELEMENTS.values()) {
            if (!elements.isEmpty() && !elements.contains(el.symbol())) {
                continue;
            }
            boolean kAlphaDone = false;
            for (EdsLines.Line line : el.lines()) {
                if (line.name().startsWith("Kα") && !line.name().equals("Kα")) {
                    if (!kAlphaDone) {
                        double w = el.lines().stream().filter(l -> l.name().startsWith("Kα")).mapToDouble(EdsLines.Line::weight).sum();
                        out.add(new Line(el.symbol(), "Kα", EdsLines.kAlpha(el.symbol()), w));
                        kAlphaDone = true;
                    }
                } else {
                    out.add(new Line(el.symbol(), line.name(), line.energy(), line.weight()));
                }
            }
        }
        return out;
    }

    /** The lines within {@code tolerance} keV of {@code energy}, closest first; of two as close, the stronger first. */
    static List<Candidate> candidates(double energy, double tolerance, List<Line> catalogue) {
        return candidates(energy, tolerance, catalogue, new double[] {energy});
    }

    /**
     * The lines within {@code tolerance} keV of {@code energy}, those whose shell's strongest line also has a peak among
     * {@code peaks} (keV) first, then closest first; of two as close, the stronger first. A weak line cannot be seen
     * without its shell's strongest one (no Kβ without Kα, no Au Mβ without Au Mα), so a peak that only a weak line of
     * an element explains is more likely another element's.
     */
    static List<Candidate> candidates(double energy, double tolerance, List<Line> catalogue, double[] peaks) {
        List<Candidate> out = new ArrayList<>();
        for (Line l : catalogue) {
            double error = energy - l.energy();
            if (Math.abs(error) <= tolerance + 1e-12) {
                out.add(new Candidate(l, error));
            }
        }
        out.sort(Comparator.comparing((Candidate c) -> !strongestLineSeen(c.line(), catalogue, peaks, tolerance))
                .thenComparingDouble(c -> Math.abs(c.error())).thenComparing(c -> -c.line().weight()));
        return out;
    }

    /** Whether the strongest line of {@code line}'s shell (K, L or M) lies within {@code tolerance} of one of the peaks. */
    static boolean strongestLineSeen(Line line, List<Line> catalogue, double[] peaks, double tolerance) {
        Line strongest = line;
        for (Line l : catalogue) {
            if (l.element().equals(line.element()) && l.name().charAt(0) == line.name().charAt(0) && l.weight() > strongest.weight()) {
                strongest = l;
            }
        }
        for (double p : peaks) {
            if (Math.abs(p - strongest.energy()) <= tolerance + 1e-12) {
                return true;
            }
        }
        return false;
    }
}
