package org.anneal.nodes.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.spec.ConfigError;
import org.anneal.spec.ExecContext;
import org.anneal.spec.NodeFailure;

/**
 * A {@link ColumnTransform} as one step of a pipeline: on every fit of its learner it learns the transform on the
 * training rows and nothing else. Two steps of the same transform with the same settings are equal, so two learners
 * with the same settings compare equal.
 */
public record TransformStep<P extends Record>(ColumnTransform<P> transform, P settings) implements PreprocessingStep {
    public TransformStep {
        Objects.requireNonNull(transform);
        Objects.requireNonNull(settings);
    }

    @Override
    public String describe() {
        return transform.describe(settings);
    }

    @Override
    public FittedStep fit(Table train, List<String> features, String target, ExecContext ctx) {
        P s = transform.inPipeline(train, features, settings);
        if (s == null) {
            return new FittedStep(new Identity(), train, features);
        }
        Table rows = transform.readsTarget() ? view(train, features, target) : train;
        FittedTransform state;
        try {
            state = transform.fit(rows, s, quiet(ctx));
        } catch (ConfigError e) {
            throw new NodeFailure(e.getMessage(), e.fix());
        }
        return FittedStep.of(state, train, state.apply(train), features);
    }

    /** Transforms are stateless declarations: the same class is the same transform. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TransformStep<?> t && t.transform.getClass() == transform.getClass() && t.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return 31 * transform.getClass().hashCode() + settings.hashCode();
    }

    /** The numeric ones among {@code features}, in their order. */
    public static List<String> numeric(Table t, List<String> features) {
        List<String> out = new ArrayList<>();
        for (String f : features) {
            if (t.column(f).orElseThrow() instanceof NumericColumn) {
                out.add(f);
            }
        }
        return out;
    }

    /** The categorical ones among {@code features}, in their order. */
    public static List<String> categorical(Table t, List<String> features) {
        List<String> out = new ArrayList<>();
        for (String f : features) {
            if (t.column(f).orElseThrow() instanceof CategoricalColumn) {
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

    /** Nothing to transform: the rows pass unchanged. */
    public record Identity() implements FittedTransform {
        @Override
        public String describe() {
            return "No categorical features";
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public Table apply(Table data) {
            return data;
        }
    }

    /**
     * The same context without progress reports: the transform would otherwise report its own 0..1 over the
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
