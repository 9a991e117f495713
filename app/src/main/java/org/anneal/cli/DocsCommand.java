package org.anneal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anneal.provenance.AnnealVersion;
import org.anneal.spec.NodeDocs;
import org.anneal.spec.NodeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", description = "Writes the Markdown reference of every node type, generated from the declarations.")
final class DocsCommand extends CliCommand {
    @Option(names = {"-o", "--out"}, description = "File to write (default: print)")
    Path out;

    @Override
    public Integer call() throws Exception {
        String md = NodeDocs.markdown(NodeRegistry.standard().all(), AnnealVersion.get());
        if (out == null) {
            out().print(md);
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, md, StandardCharsets.UTF_8);
            out().println("Wrote " + out);
        }
        return ExitCode.OK;
    }
}
