package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/** D8 on a class target: a code that spells the class, and a per-group class rate joined back; and what is not one. */
class CategoricalProxiesTest {
    private static final String[] CLASSES = {"float", "non-float", "container", "headlamp"};

    private static CategoricalColumn classes(String name, ColumnRole role, int[] codes) {
        return new CategoricalColumn(name, role, codes, List.of(CLASSES));
    }

    private static List<Finding> d8(Column... features) {
        List<Column> cols = new ArrayList<>(List.of(features));
        List<Finding> out = new ArrayList<>();
        ContentProxies.check("split", new Table(cols), out);
        return out.stream().filter(f -> f.rule().equals("D8")).toList();
    }

    private static int[] drawClasses(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(CLASSES.length);
        }
        return y;
    }

    @Test
    void aSampleCodeThatSpellsTheClassIsAnError() {
        int n = 200;
        int[] y = drawClasses(n, 1);
        List<String> levels = new ArrayList<>();
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            String c = CLASSES[y[i]].substring(0, 3).toUpperCase() + "-" + (1 + i % 3); // three batches of each class
            if (!levels.contains(c)) {
                levels.add(c);
            }
            code[i] = levels.indexOf(c);
        }
        NumericColumn ri = new NumericColumn("ri", ColumnRole.FEATURE, new SplittableRandom(2).doubles(n).toArray());
        List<Finding> found = d8(ri, new CategoricalColumn("sample_code", ColumnRole.FEATURE, code, levels),
                classes("type", ColumnRole.TARGET, y));
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertTrue(f.isError());
        assertTrue(f.explanation().contains("'sample_code' splits the classes of the target 'type' into 12 codes"), f.explanation());
    }

    @Test
    void theClassesUnderOtherNamesAreAnError() {
        int n = 120;
        int[] y = drawClasses(n, 3);
        List<String> names = List.of("A", "B", "C", "D");
        List<Finding> found = d8(new CategoricalColumn("grade", ColumnRole.FEATURE, y.clone(), names), classes("type", ColumnRole.TARGET, y));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).explanation().contains("names the classes of the target 'type' under other names"), found.get(0).explanation());
    }

    @Test
    void aPerGroupClassRateJoinedBackIsAnError() {
        int n = 300;
        SplittableRandom r = new SplittableRandom(4);
        int[] kiln = new int[n];
        int[] y = new int[n];
        double[] rate = new double[6];
        int[] count = new int[6];
        for (int i = 0; i < n; i++) {
            kiln[i] = i % 6;
            y[i] = r.nextDouble() < 0.15 * (1 + kiln[i]) ? 1 : 0; // cracked more often in the hotter kilns
            rate[kiln[i]] += y[i];
            count[kiln[i]]++;
        }
        double[] joined = new double[n];
        for (int i = 0; i < n; i++) {
            joined[i] = rate[kiln[i]] / count[kiln[i]];
        }
        List<Finding> found = d8(new NumericColumn("kiln_score", ColumnRole.FEATURE, joined),
                new CategoricalColumn("outcome", ColumnRole.TARGET, y, List.of("sound", "cracked")));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).explanation().contains("each equals the share of class 'cracked' in the target 'outcome'"), found.get(0).explanation());
    }

    /** A real category that goes with the class only tendentially, an id, and a measured number: no D8. */
    @Test
    void honestColumnsAreNotFlagged() {
        int n = 200;
        int[] y = drawClasses(n, 5);
        SplittableRandom r = new SplittableRandom(6);
        int[] furnace = new int[n];
        int[] id = new int[n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            furnace[i] = r.nextDouble() < 0.9 ? y[i] % 2 : 1 - y[i] % 2; // related to the class, but not a code of it
            id[i] = i;
            ids.add("S" + i);
        }
        double[] measured = r.doubles(n).toArray();
        assertEquals(List.of(), d8(new CategoricalColumn("furnace", ColumnRole.FEATURE, furnace, List.of("north", "south")),
                new CategoricalColumn("specimen", ColumnRole.FEATURE, id, ids), new NumericColumn("ri", ColumnRole.FEATURE, measured),
                classes("type", ColumnRole.TARGET, y)));
    }
}
