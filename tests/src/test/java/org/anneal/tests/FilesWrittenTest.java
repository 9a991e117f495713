package org.anneal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files Anneal writes keep their permissions (a course folder shared 0664 stays readable by the group), and
 * `anneal format` says when a file was already canonical instead of rewriting it. Before: every save went through
 * a 0600 temporary file, so a formatted or fixed workflow became private by accident.
 */
class FilesWrittenTest {

    @Test
    void savingKeepsTheFilesPermissionsAndNewFilesAreNotPrivate(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("w.json");
        Files.writeString(f, Files.readString(Path.of("workflows/01-linear-regression.json")).replace("\"seed\": 42", "\"seed\":   42"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        Cli c = Cli.run("format", f.toString());
        assertEquals(0, c.exit(), c.all());
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "kept");

        Path fresh = tmp.resolve("fixed.json");
        Cli fix = Cli.run("check", "workflows/01-linear-regression.json", "--fix", "-o", fresh.toString());
        assertEquals(0, fix.exit(), fix.all());
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh));
        assertTrue(perms.startsWith("rw-") && !perms.equals("rw-------"), "a new file follows the umask, not 0600: " + perms);
    }

    @Test
    void formatSaysWhenNothingChanged(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("w.json");
        Files.copy(Path.of("workflows/01-linear-regression.json"), f);
        Cli first = Cli.run("format", f.toString());
        Cli second = Cli.run("format", f.toString());
        assertEquals(0, second.exit());
        assertTrue(second.out().contains("unchanged " + f), second.out());
        assertTrue(first.out().contains("formatted " + f) || first.out().contains("unchanged " + f), first.out());
    }
}
