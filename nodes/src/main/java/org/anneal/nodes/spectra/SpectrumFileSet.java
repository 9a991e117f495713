package org.anneal.nodes.spectra;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;

/**
 * The spectra of a data.spectra folder, read on all cores (files are independent; each lands in its own slot, so the
 * order is the file order whatever the threads). A run configures the node and then executes it, and the editor
 * configures it on every edit: the last complete set read is kept (softly, so memory pressure drops it) under the
 * files' paths, sizes and modification times, and reading the same unchanged files again takes it from there.
 */
final class SpectrumFileSet {
    private record Key(List<Path> files, long[] sizes, long[] modified, String axisName, String unit) {
        boolean same(Key o) {
            return files.equals(o.files) && java.util.Arrays.equals(sizes, o.sizes) && java.util.Arrays.equals(modified, o.modified)
                    && axisName.equals(o.axisName) && unit.equals(o.unit);
        }
    }

    private record Entry(Key key, List<SpectrumFile>[] spectra) {
    }

    private static SoftReference<Entry> last = new SoftReference<>(null);

    private final List<SpectrumFile>[] spectra;
    private final SpectrumProblem[] problems;

    private SpectrumFileSet(List<SpectrumFile>[] spectra, SpectrumProblem[] problems) {
        this.spectra = spectra;
        this.problems = problems;
    }

    /** Reads every file (or takes the unchanged set read last); {@code ctx} is null in configure. */
    static SpectrumFileSet read(List<Path> files, String axisName, String unit, ExecContext ctx) throws ConfigError {
        Key key = key(files, axisName, unit);
        Entry cached = cached();
        if (cached != null && key != null && cached.key().same(key)) {
            return new SpectrumFileSet(cached.spectra(), new SpectrumProblem[files.size()]);
        }
        @SuppressWarnings("unchecked")
        List<SpectrumFile>[] spectra = new List[files.size()];
        SpectrumProblem[] problems = new SpectrumProblem[files.size()];
        SpectrumRows.forEach(files.size(), () -> i -> {
            try {
                spectra[i] = SpectrumFile.readAll(files.get(i), axisName, unit);
            } catch (SpectrumProblem e) {
                problems[i] = e;
            }
        }, ctx);
        if (key != null && java.util.Arrays.stream(problems).allMatch(java.util.Objects::isNull)) {
            remember(new Entry(key, spectra));
        }
        return new SpectrumFileSet(spectra, problems);
    }

    int size() {
        return spectra.length;
    }

    /** The i-th file's spectra (one, or one per column of a multi-column file), or its reading problem as an error on the path parameter. */
    List<SpectrumFile> get(int i) throws ConfigError {
        if (problems[i] != null) {
            throw ConfigError.atParam("path", problems[i].getMessage(), problems[i].fix());
        }
        return spectra[i];
    }

    private static synchronized Entry cached() {
        return last.get();
    }

    private static synchronized void remember(Entry e) {
        last = new SoftReference<>(e);
    }

    /** Sizes and modification times of the files; null when one cannot be read (then nothing is cached). */
    private static Key key(List<Path> files, String axisName, String unit) {
        long[] sizes = new long[files.size()];
        long[] modified = new long[files.size()];
        try {
            for (int i = 0; i < sizes.length; i++) {
                BasicFileAttributes a = Files.readAttributes(files.get(i), BasicFileAttributes.class);
                sizes[i] = a.size();
                modified[i] = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        } catch (IOException e) {
            return null;
        }
        return new Key(files.stream().map(f -> f.toAbsolutePath().normalize()).toList(), sizes, modified, axisName, unit);
    }
}
