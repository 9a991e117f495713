package org.anneal.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anneal.editor.ParamText;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.ParamDescriptor;
import org.junit.jupiter.api.Test;

/** What is typed into an inspector field, read against the real declarations of shipped nodes. */
class ParamTextTest {
    private static ParamDescriptor param(String type, String name) {
        NodeDescriptor d = NodeRegistry.standard().find(type).orElseThrow();
        return d.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void numbersAreCheckedAgainstTheirRange() {
        ParamDescriptor test = param("split.holdout", "test"); // declared between 0.01 and 0.99
        assertEquals("0.3", ParamText.read(test, " 0.3 ").value().toString());
        assertTrue(ParamText.read(test, "1.5").error().contains("between 0.01 and 0.99"));
        assertTrue(ParamText.read(test, "abc").error().contains("not a number"));
        assertNull(ParamText.read(test, "").value(), "empty restores the default");
        assertTrue(ParamText.read(test, "").ok());
    }

    @Test
    void listsMayBeTypedWithCommasOrAsJson() {
        ParamDescriptor columns = param("prepare.standardize", "columns");
        assertEquals("[\"a\",\"b c\"]", ParamText.read(columns, "a, b c").value().toString());
        assertEquals("[\"a\",\"b\"]", ParamText.read(columns, "[\"a\", \"b\"]").value().toString());
        assertEquals("a, b", ParamText.show(ParamText.read(columns, "a,b").value()));
    }

    @Test
    void choicesAndBooleansAcceptOnlyTheirValues() {
        ParamDescriptor kernel = param("model.gaussian-process", "kernel");
        assertEquals("\"matern52\"", ParamText.read(kernel, "matern52").value().toString());
        assertTrue(ParamText.read(kernel, "linear").error().contains("rbf, matern52"));
        ParamDescriptor shuffle = param("split.holdout", "shuffle");
        assertEquals("false", ParamText.read(shuffle, "FALSE").value().toString());
        assertTrue(ParamText.read(shuffle, "maybe").error().contains("true or false"));
    }

    @Test
    void integerListsMayBeTypedWithCommasBracketsOrSpacesAndAreCheckedPerElement() throws Exception {
        ParamDescriptor kernel = new ParamDescriptor("kernel", org.anneal.spec.ParamType.INTEGER_LIST,
                org.anneal.graph.Json.MAPPER.readTree("[3, 3]"), 1, 64, java.util.List.of(), "Kernel size", false);
        assertEquals("[64,32]", ParamText.read(kernel, "64, 32").value().toString());
        assertEquals("[64,32]", ParamText.read(kernel, "[64, 32]").value().toString());
        assertEquals("[5,5]", ParamText.read(kernel, "5 5.0").value().toString(), "a whole 5.0 is stored as 5");
        assertEquals("[]", ParamText.read(kernel, "[]").value().toString());
        assertEquals("'x' (value 2) is not a number; write numbers separated by commas, e.g. 64, 32.", ParamText.read(kernel, "3, x").error());
        assertEquals("'kernel' element 2 of 2 is 0 but must be between 1 and 64.", ParamText.read(kernel, "3, 0").error());
        assertTrue(ParamText.read(kernel, "3, 2.5").error().contains("whole number"));
        assertEquals("64, 32", ParamText.show(ParamText.read(kernel, "[64,32]").value()), "shown the way it is typed");
        ParamDescriptor rates = new ParamDescriptor("rates", org.anneal.spec.ParamType.REAL_LIST, null, 0, 1, java.util.List.of(), "Rates", true);
        assertEquals("[0.5,0.25]", ParamText.read(rates, "0.5, 0.25").value().toString());
        assertTrue(ParamText.read(rates, "").error().contains("required"));
    }
}
