package org.anneal.nodes.spectra;

import java.nio.file.Path;
import java.util.List;
import org.anneal.data.Column;
import org.anneal.nodes.data.FileLabels;
import org.anneal.spec.ConfigError;

/** The label columns of a spectrum folder, read from a CSV with a {@code file} column and put in the order of the spectra. */
final class SpectrumLabels {
    private SpectrumLabels() {
    }

    static List<Column> columns(Path csv, String shown, List<String> files, String target, String group) throws ConfigError {
        return FileLabels.columns(new FileLabels.Source(csv, shown, "labels", "spectrum"), files, target, group, false);
    }
}
