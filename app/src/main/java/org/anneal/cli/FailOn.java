package org.anneal.cli;

import java.util.Collection;
import java.util.Locale;
import org.anneal.lineage.Finding;

/**
 * The {@code --fail-on} option of {@code run} and {@code check}: which leakage findings make the command exit with 1,
 * so a script or CI that trusts exit codes never misses a leak (a run-time one included) that was only printed.
 */
enum FailOn {
    /** Exit 1 on any finding, warnings included. */
    WARNING,
    /** Exit 1 on an error-level finding (the default). */
    ERROR,
    /** Report findings but never fail because of them (problems and failed nodes still do). */
    NEVER;

    /** True when one of the findings is at or above this level. */
    boolean failsOn(Collection<Finding> findings) {
        return switch (this) {
            case WARNING -> !findings.isEmpty();
            case ERROR -> findings.stream().anyMatch(Finding::isError);
            case NEVER -> false;
        };
    }

    /** picocli reads the option in lower case ("warning", "error", "never"), as the usage shows it. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of warning, error, never");
            }
        }
    }

    /** The choices as the usage lists them. */
    static final class Choices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("warning", "error", "never").iterator();
        }
    }

    static final String DOC = "Exit with 1 when a leakage finding at this level or above is raised: warning, error (default) or never";
}
