package dev.candela.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ProbeFailureTest {

    @Test
    void describesTheCauseChainOutermostFirst() {
        Throwable failure = new IllegalStateException("cannot read cpu info",
                new UncheckedIOException(new IOException("/proc/cpuinfo: permission denied")));

        ProbeFailure described = ProbeFailure.of("cpu", failure);

        assertEquals("cpu", described.component());
        assertEquals("java.lang.IllegalStateException: cannot read cpu info"
                + " <- java.io.UncheckedIOException: java.io.IOException: /proc/cpuinfo: permission denied"
                + " <- java.io.IOException: /proc/cpuinfo: permission denied", described.cause());
    }

    @Test
    void omitsAMissingMessage() {
        assertEquals("java.lang.NullPointerException", ProbeFailure.of("gpus", new NullPointerException()).cause());
    }
}
