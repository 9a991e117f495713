package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data viewer's registry: the most specific registered class wins, whatever the registration order. */
class ViewRegistryTest {

    @Test
    void theMostSpecificClassWins() {
        ViewRegistry<String> r = new ViewRegistry<String>().register(ArrayList.class, "array list").register(Object.class, "anything")
                .register(List.class, "list");
        assertEquals("array list", r.find(ArrayList.class).orElseThrow());
        assertEquals("list", r.find(java.util.LinkedList.class).orElseThrow(), "an interface beats Object");
        assertEquals("anything", r.find(String.class).orElseThrow());
        class Special extends ArrayList<Object> {
        }
        assertEquals("array list", r.find(Special.class).orElseThrow(), "a subclass gets its superclass's view");
    }

    @Test
    void unrelatedMatchesFallToTheFirstRegistered() {
        ViewRegistry<String> r = new ViewRegistry<String>().register(Serializable.class, "serializable").register(CharSequence.class, "text");
        assertEquals("serializable", r.find(String.class).orElseThrow());
        assertTrue(r.find(Thread.class).isEmpty(), "nothing registered for it");
    }
}
