package org.anneal.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, memoised by path, size and modification time: the cache key of a loader needs the
 * digest on every run, and hashing a 200 MB CSV each time would cost more than reusing its table saves. Across
 * processes, {@link FileMemo} remembers the digest of a file whose state has not changed since.
 */
public final class FileDigests {
    private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

    private FileDigests() {
    }

    public static String sha256(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String key = file.toAbsolutePath().normalize() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
        String cached = MEMO.get(key);
        if (cached != null) {
            return cached;
        }
        // across processes too: a file unchanged since an earlier run (FileMemo says how that is known) is not read again
        String digest = FileMemo.remembered(file, "sha256", () -> hash(file));
        if (!digest.matches("[0-9a-f]{64}")) { // an entry garbled by hand
            digest = hash(file);
        }
        MEMO.put(key, digest);
        return digest;
    }

    private static String hash(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
