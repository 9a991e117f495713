package org.anneal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.ml.Plot;
import org.anneal.plots.PlotRenderer;

/** Writes the PLOT outputs of a finished run as PNG files named after their node and port. */
final class PlotExport {
    private PlotExport() {
    }

    /** Parses "800x600"; null if malformed or outside 100..8000 pixels. */
    static int[] size(String text) {
        String[] wh = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(wh[0].trim());
            int h = Integer.parseInt(wh[1].trim());
            return wh.length == 2 && w >= 100 && h >= 100 && w <= 8000 && h <= 8000 ? new int[] {w, h} : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * @param only nodes whose plots to write; null = every node
     * @return the files written, in node order
     */
    static List<Path> writeAll(RunResult r, java.util.Set<String> only, Path dir, String sizeText, PrintWriter out, PrintWriter err) throws IOException {
        int[] size = size(sizeText);
        if (size == null) {
            err.println("--plot-size must look like 800x600 (100 to 8000 pixels each), not '" + sizeText + "'; using 800x600.");
            size = new int[] {800, 600};
        }
        // the command line never opens a window; without this AWT would look for a display it does not need
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        boolean warned = false;
        for (NodeResult nr : r.nodes().values()) {
            if (nr.outputs() == null || (only != null && !only.contains(nr.nodeId()))) {
                continue;
            }
            for (Map.Entry<String, Object> e : nr.outputs().asMap().entrySet()) {
                if (e.getValue() instanceof Plot plot) {
                    if (!warned && !PlotRenderer.canDrawText()) {
                        err.println("Java finds no fonts on this machine, so the plots have no titles, labels or numbers. "
                                + "Install one (Debian: apt-get install fonts-dejavu-core).");
                        warned = true;
                    }
                    Path file = dir.resolve(safe(nr.nodeId()) + "-" + safe(e.getKey()) + ".png");
                    PlotRenderer.writePng(plot, file, size[0], size[1]);
                    written.add(file);
                    out.println("Plot written to " + file);
                }
            }
        }
        return written;
    }

    /** Node ids are free text in files; keep file names portable. */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
