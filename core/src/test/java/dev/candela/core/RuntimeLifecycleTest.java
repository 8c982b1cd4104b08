package dev.candela.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuntimeLifecycleTest {

    @Test
    void closesMostRecentFirstAndKeepsClosingPastAFailure() {
        List<String> closed = new ArrayList<>();
        RuntimeLifecycle lifecycle = new RuntimeLifecycle();
        lifecycle.closeWithRuntime(() -> closed.add("first"));
        lifecycle.closeWithRuntime(() -> {
            closed.add("failing");
            throw new IllegalStateException("boom");
        });
        lifecycle.closeWithRuntime(() -> closed.add("last"));

        lifecycle.closeAll();
        lifecycle.closeAll();

        assertEquals(List.of("last", "failing", "first"), closed, "each once, in reverse order");
    }

    @Test
    void aResourceRegisteredAfterCloseIsClosedAtOnce() {
        List<String> closed = new ArrayList<>();
        RuntimeLifecycle lifecycle = new RuntimeLifecycle();
        lifecycle.closeAll();
        lifecycle.closeWithRuntime(() -> closed.add("late"));
        assertEquals(List.of("late"), closed);
    }
}
