package dev.candela.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    @Test
    void parsesIgnoringCaseAndBlanks() {
        assertEquals(BackendChoice.AUTO, BackendChoice.parse("auto"));
        assertEquals(BackendChoice.GPU, BackendChoice.parse(" Gpu "));
        assertEquals(BackendChoice.CPU, BackendChoice.parse("CPU"));
    }

    @Test
    void rejectsUnknownNamesListingTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse("cuda"));

        assertEquals("unknown backend 'cuda'; expected auto, cpu or gpu", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse(null));
        assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse(""));
    }

    @Test
    void keyIsTheLowerCaseName() {
        for (BackendChoice choice : BackendChoice.values()) {
            assertEquals(choice, BackendChoice.parse(choice.key()));
            assertEquals(choice.name().toLowerCase(java.util.Locale.ROOT), choice.key());
        }
    }
}
