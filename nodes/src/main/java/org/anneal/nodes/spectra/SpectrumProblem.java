package org.anneal.nodes.spectra;

import java.nio.file.Path;

/**
 * A spectrum file that cannot be read as one, located at its file and line (line 0: the file as a whole), so the node
 * can report it as a configure error or a run failure without a stack trace.
 */
final class SpectrumProblem extends Exception {
    private final String fix;

    SpectrumProblem(Path file, int line, String message, String fix) {
        super(file.getFileName() + (line > 0 ? ", line " + line : "") + ": " + message);
        this.fix = fix;
    }

    String fix() {
        return fix;
    }
}
