package org.anneal.handin;

import java.nio.file.Path;
import org.anneal.graph.Json;
import org.anneal.spec.NodeRegistry;

/**
 * Grades one hand-in in a process of its own and writes its row as JSON: the unit of work of a grading batch
 * ({@link ProcessGrading} starts one per hand-in; a cluster scheduler could run the same command line).
 * <pre>java -Xmx1536m -cp CLASSPATH org.anneal.handin.GradeWorker HANDIN.json RUBRIC.json RESULT.json</pre>
 * Exit 0 when the row is written (whatever the hand-in's status), 2 for a wrong command line, 3 when even the row could not
 * be written. The heap limit and the kill at the deadline are the parent's.
 */
public final class GradeWorker {
    private GradeWorker() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: GradeWorker HANDIN.json RUBRIC.json RESULT.json");
            System.exit(2);
        }
        int code;
        try {
            Path result = Path.of(args[2]).toAbsolutePath();
            GradeRow row = new Grader(NodeRegistry.standard()).gradeOne(Path.of(args[0]), Rubric.read(Path.of(args[1])));
            SafeOutput.write(result.getParent(), result.getFileName().toString(), Json.MAPPER.writeValueAsString(row));
            code = 0;
        } catch (Throwable t) { // nothing to salvage here: the parent writes the row from the exit code and the log
            t.printStackTrace();
            code = t instanceof OutOfMemoryError ? 4 : 3;
        }
        System.out.flush();
        // some libraries start non-daemon threads (ImageJ's filters): do not wait for them
        Runtime.getRuntime().halt(code);
    }
}
