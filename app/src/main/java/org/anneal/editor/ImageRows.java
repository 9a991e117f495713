package org.anneal.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;

/**
 * What the thumbnail grid says beside each image and in which order it shows them, without JavaFX: the label (the first
 * target column), the group, the prediction (the first prediction column) and the error (a wrong class, or the distance of
 * a predicted number from the true one); the rows sorted by one of these and filtered to one class.
 */
final class ImageRows {
    static final String ALL_CLASSES = "All classes";

    /** What the grid can be sorted by; only those the table has columns for are offered. */
    enum Order {
        ROW("Row"), LABEL("Label"), PREDICTION("Prediction"), ERROR("Error, worst first"), GROUP("Group");

        final String title;

        Order(String title) {
            this.title = title;
        }
    }

    private final Table table;
    private final Column label;
    private final Column prediction;
    private final Column group;

    ImageRows(Table t) {
        this.table = t;
        this.label = first(t, ColumnRole.TARGET);
        this.prediction = first(t, ColumnRole.PREDICTION);
        this.group = first(t, ColumnRole.GROUP);
    }

    private static Column first(Table t, ColumnRole role) {
        return t.columns().stream().filter(c -> c.role() == role).findFirst().orElse(null);
    }

    /** The orders this table offers, row order first. */
    List<Order> orders() {
        List<Order> out = new ArrayList<>(List.of(Order.ROW));
        if (label != null) {
            out.add(Order.LABEL);
        }
        if (prediction != null) {
            out.add(Order.PREDICTION);
        }
        if (label != null && prediction != null && label.type() == prediction.type()) {
            out.add(Order.ERROR);
        }
        if (group != null) {
            out.add(Order.GROUP);
        }
        return out;
    }

    /** The classes the filter offers: the label's, else the prediction's; empty when neither is a category. */
    List<String> classes() {
        Column c = label != null ? label : prediction;
        return c instanceof CategoricalColumn cat ? cat.levels() : List.of();
    }

    /** The rows of {@code only} (a class, or {@link #ALL_CLASSES}), in {@code order}; ties keep row order. */
    List<Integer> rows(Order order, String only) {
        Column c = label != null ? label : prediction;
        boolean all = only == null || only.equals(ALL_CLASSES) || !(c instanceof CategoricalColumn);
        List<Integer> rows = new ArrayList<>(IntStream.range(0, table.rowCount())
                .filter(r -> all || !c.isMissing(r) && only.equals(c.text(r))).boxed().toList());
        Comparator<Integer> by = switch (order) {
            case ROW -> null;
            case LABEL -> by(label);
            case PREDICTION -> by(prediction);
            case GROUP -> by(group);
            case ERROR -> Comparator.comparingDouble((Integer r) -> {
                double e = error(r);
                return Double.isNaN(e) ? Double.POSITIVE_INFINITY : -e; // unknown errors last
            });
        };
        if (by != null) {
            rows.sort(by);
        }
        return rows;
    }

    /** Numbers by value, categories by their level order; missing last. */
    private static Comparator<Integer> by(Column c) {
        if (c instanceof NumericColumn n) {
            return Comparator.comparingDouble(r -> n.isMissing(r) ? Double.POSITIVE_INFINITY : n.get(r));
        }
        if (c instanceof CategoricalColumn cat) {
            return Comparator.comparingInt(r -> cat.isMissing(r) ? Integer.MAX_VALUE : cat.codes()[r]);
        }
        return Comparator.comparing(c::text);
    }

    /** 1 for a wrong class and 0 for a right one; |prediction − label| for numbers; NaN when either is unknown. */
    double error(int row) {
        if (label == null || prediction == null || label.isMissing(row) || prediction.isMissing(row)) {
            return Double.NaN;
        }
        if (label instanceof NumericColumn y && prediction instanceof NumericColumn p) {
            return Math.abs(p.get(row) - y.get(row));
        }
        return label.text(row).equals(prediction.text(row)) ? 0 : 1;
    }

    /** The first caption line: the label (or the row number), then the group. */
    String caption(int row) {
        String a = label == null ? (prediction == null ? "#" + (row + 1) : prediction.text(row)) : label.text(row);
        return group == null ? a : a + " · " + group.text(row);
    }

    /** The second caption line: the prediction with a mark for a wrong class or the error of a number; empty without one. */
    String predicted(int row) {
        if (prediction == null || label == null) {
            return "";
        }
        double e = error(row);
        if (Double.isNaN(e)) {
            return "→ " + prediction.text(row);
        }
        if (label instanceof NumericColumn) {
            return "→ " + prediction.text(row) + ", error " + String.format(java.util.Locale.ROOT, "%.3g", e);
        }
        return "→ " + prediction.text(row) + (e > 0 ? " ✗" : " ✓");
    }
}
