package org.anneal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: values a file can hold but Anneal cannot use are refused at load with their location; a BOM is accepted. */
class HostileWorkflowFilesTest {
    @TempDir
    Path dir;

    static final String NODES = """
            "nodes": [ { "id": "ridge", "type": "model.ridge", "params": { "lambda": %s } } ], "links": [] }""";

    Path file(String title, String version, String lambda) throws Exception {
        return Files.writeString(dir.resolve("w.json"), "{ \"format\": \"anneal-workflow\", \"version\": " + version
                + ", \"meta\": { \"title\": \"" + title + "\", \"seed\": 1 },\n" + NODES.formatted(lambda), StandardCharsets.UTF_8);
    }

    Problem refused(Path f) {
        return assertThrows(WorkflowFileException.class, () -> new WorkflowCodec().read(f)).problems().get(0);
    }

    @Test
    void aLoneSurrogateIsRefusedWithItsLocation() throws Exception {
        Problem p = refused(file("bad \\ud800 title", "1", "0.1"));
        assertEquals("format.bad-value", p.code());
        assertTrue(p.message().contains("/meta/title") && p.message().contains("surrogate"), p.message());
        // a proper pair (an emoji) is fine
        assertEquals("ok \uD83D\uDE00", new WorkflowCodec().read(file("ok \\ud83d\\ude00", "1", "0.1")).workflow().meta().title());
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedNotReadAsInfinity() throws Exception {
        Problem p = refused(file("t", "1", "1e309"));
        assertTrue(p.message().contains("/nodes/0/params/lambda") && p.message().contains("too large"), p.message());
    }

    @Test
    void aVersionBeyondIntegersDoesNotWrapToOne() throws Exception {
        Problem p = refused(file("t", "4294967297", "0.1"));
        assertEquals("format.version", p.code());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path f = file("t", "1", "0.1");
        Files.write(f, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(f)));
        assertEquals("t", new WorkflowCodec().read(f).workflow().meta().title());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
