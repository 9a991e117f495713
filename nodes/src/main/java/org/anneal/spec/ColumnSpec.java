package org.anneal.spec;

import java.util.Objects;

/**
 * Name, storage type, role, unit and (for tensor columns) shape of one column, known before any data is read in full.
 *
 * @param unit  physical unit as written in the source ("°C", "MPa"); empty when unknown or dimensionless. For a tensor
 *              column, the unit of its values (counts, intensity), not of its axes, whose units are on the shape.
 * @param shape what each row of a tensor column holds; {@link Shape#SCALAR} (also what null becomes) for numbers and categories
 */
public record ColumnSpec(String name, ColumnType type, ColumnRole role, String unit, Shape shape) {
    public ColumnSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(role);
        unit = unit == null ? "" : unit;
        shape = shape == null ? Shape.SCALAR : shape;
        if ((type == ColumnType.TENSOR) == shape.isScalar()) {
            throw new IllegalArgumentException("column '" + name + "': " + (type == ColumnType.TENSOR
                    ? "a tensor column needs a shape with at least one axis" : "a " + type.title() + " column has no shape"));
        }
    }

    /** A scalar column with a unit. */
    public ColumnSpec(String name, ColumnType type, ColumnRole role, String unit) {
        this(name, type, role, unit, Shape.SCALAR);
    }

    /** A scalar column without a known unit. */
    public ColumnSpec(String name, ColumnType type, ColumnRole role) {
        this(name, type, role, "", Shape.SCALAR);
    }

    /** A tensor column: one tensor of {@code shape} per row, its values in {@code unit}. */
    public static ColumnSpec tensor(String name, ColumnRole role, Shape shape, String unit) {
        return new ColumnSpec(name, ColumnType.TENSOR, role, unit, Objects.requireNonNull(shape));
    }

    public ColumnSpec withRole(ColumnRole newRole) {
        return new ColumnSpec(name, type, newRole, unit, shape);
    }

    /** The same column under another name: type, role, unit and shape kept. */
    public ColumnSpec renamed(String newName) {
        return new ColumnSpec(newName, type, role, unit, shape);
    }

    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }

    public boolean isCategorical() {
        return type == ColumnType.CATEGORICAL;
    }

    public boolean isTensor() {
        return type == ColumnType.TENSOR;
    }

    /** The name as viewers show it: "temperature [°C]", or just the name without a unit. */
    public String label() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }

    /** The type as viewers show it: "number", "category", or "tensor 2048 ch · 0–20 keV" with the shape. */
    public String typeLabel() {
        return isTensor() ? type.title() + " " + shape.describe() : type.title();
    }
}
