package org.anneal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    void thePropertyWinsThenOmpNumThreadsThenOne() {
        assertEquals(3, NativeThreads.resolve("3", "2"));
        assertEquals(2, NativeThreads.resolve(null, "2"));
        assertEquals(1, NativeThreads.resolve(null, null));
        assertEquals(2, NativeThreads.resolve("many", "2"), "a typo falls through");
        assertEquals(1, NativeThreads.resolve("0", "-4"));
        assertTrue(NativeThreads.count() >= 1);
    }
}
