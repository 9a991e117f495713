package org.anneal.nodes.prepare;

import java.util.ArrayList;
import java.util.List;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.TableSpec;

/** Configure-time checks shared by scaling nodes and the apply node. */
final class ScalingSpecs {
    private ScalingSpecs() {
    }

    /** The columns to scale: as listed, or every numeric feature when the list is empty. */
    static List<String> columns(TableSpec fit, List<String> listed, String param) throws ConfigError {
        if (listed.isEmpty()) {
            List<String> all = fit.columns().stream()
                    .filter(c -> c.role().isUsedAsFeature() && c.isNumeric()).map(ColumnSpec::name).toList();
            if (all.isEmpty()) {
                throw ConfigError.atPort("fit", "The table has no numeric feature columns to scale.",
                        "Check the data source's column roles and types.");
            }
            return all;
        }
        List<String> out = new ArrayList<>();
        for (String name : listed) {
            ColumnSpec c = fit.requireColumn(name, param);
            if (!c.isNumeric()) {
                throw ConfigError.atParam(param, "Column '" + name + "' holds " + (c.isTensor() ? "a tensor per row" : "categories")
                        + ", which cannot be scaled.",
                        "Remove it from '" + param + "' (encode categories first).");
            }
            out.add(name);
        }
        return out;
    }

    /** Every column must exist, numeric, in the table the state is applied to. */
    static void requireIn(TableSpec data, List<String> columns, String port) throws ConfigError {
        java.util.Map<String, ColumnSpec> byName = new java.util.HashMap<>(); // one index, not a search per spectral channel
        data.columns().forEach(c -> byName.put(c.name(), c));
        for (String name : columns) {
            ColumnSpec c = byName.get(name);
            if (c == null || !c.isNumeric()) {
                throw ConfigError.atPort(port, "The table on '" + port + "' lacks the numeric column '" + name + "' that the scaling was fitted on.",
                        "Apply the scaling to a table with the same columns as the one it was fitted on.");
            }
        }
    }
}
