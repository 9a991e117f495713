package org.anneal.nodes.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;

/**
 * Runs a prepare.* node's own fitting code on the rows a pipeline step is trained on, so a step and its
 * stand-alone node can never disagree about what "standardize" or "select k best" means.
 */
final class PrepareNodes {
    private PrepareNodes() {
    }

    /** Executes {@code node} with {@code rows} on both its {@code fit} and {@code data} ports (or on {@code table}). */
    static <P extends Record> Outputs fitOn(Node<P> node, P params, Table rows, ExecContext ctx) {
        try {
            return node.execute(new Inputs(Map.of("fit", rows, "data", rows, "table", rows)), params, quiet(ctx));
        } catch (ConfigError e) {
            throw new NodeFailure(e.getMessage(), e.fix());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new NodeFailure("A pipeline step failed: " + e.getMessage(), "Check the rows reaching the learner.");
        }
    }

    /** The numeric ones among {@code features}. */
    static List<String> numeric(Table t, List<String> features) {
        List<String> out = new ArrayList<>();
        for (String f : features) {
            if (t.column(f).orElseThrow() instanceof NumericColumn) {
                out.add(f);
            }
        }
        return out;
    }

    /** Only the listed features and the target, so a step cannot pick up columns the learner was not given. */
    static Table view(Table t, List<String> features, String target) {
        List<Column> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            if (features.contains(c.name()) || c.name().equals(target)) {
                cols.add(c);
            }
        }
        return new Table(cols);
    }

    /**
     * The same context without progress reports: the wrapped node would otherwise report its own 0..1 over the
     * progress of the cross-validation or tuning that called it.
     */
    private static ExecContext quiet(ExecContext ctx) {
        return new ExecContext() {
            @Override
            public long seed() {
                return ctx.seed();
            }

            @Override
            public void checkCancelled() {
                ctx.checkCancelled();
            }

            @Override
            public void progress(double fraction) {
            }

            @Override
            public String device() {
                return ctx.device();
            }

            @Override
            public Path resolve(String path, String param) throws ConfigError {
                return ctx.resolve(path, param);
            }

            @Override
            public String nodeId() {
                return ctx.nodeId();
            }
        };
    }
}
