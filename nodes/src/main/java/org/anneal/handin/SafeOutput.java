package org.anneal.handin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report files where students may have planted something (issue 14): a symbolic link named {@code grades.csv}
 * pointing at one of the instructor's files must not be written through. A file is written to a fresh temporary file
 * beside it and moved into place atomically, so a reader never sees half a report and a link in the way is refused
 * (never followed, never silently replaced).
 */
public final class SafeOutput {
    private SafeOutput() {
    }

    /** Creates the folder (and its parents) if needed; refuses one that is itself a symbolic link. */
    public static Path folder(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            throw new IOException("The output folder " + abs + " is a symbolic link; refusing to write through it. Choose another folder with -o.");
        }
        Files.createDirectories(abs);
        return abs;
    }

    /** {@code dir/name}, if it may be written: nothing there yet, or a plain file (never a symbolic link). */
    public static Path checkWritable(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link; refusing to write through it (was it planted in the hand-in folder?). "
                    + "Remove it or choose another folder with -o.");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " exists and is not a plain file; refusing to replace it.");
        }
        return target;
    }

    /** Writes {@code text} as UTF-8 to {@code dir/name}, atomically; refuses a symbolic link or anything not a plain file there. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path target = checkWritable(dir, name);
        Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp"); // a new file, never an existing one
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
