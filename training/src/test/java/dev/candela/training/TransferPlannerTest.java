package dev.candela.training;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class TransferPlannerTest {
    private static final long GB = 1L << 30;

    @Test
    void plentyOfMemoryTransfersEverything() {
        TransferPlanner.Decision d = TransferPlanner.decide(1000, 2000, 2.0,
                new MemoryGauge.Reading(GB, GB, OptionalLong.empty()));
        assertEquals(TransferPlanner.Mode.FULL, d.mode());
        assertEquals(2 * (1000 + 2000) * 2, d.needBytes());
    }

    @Test
    void offHeapBetweenTheLeanAndTheFullNeedTakesParametersOnly() {
        // full needs 2 * 3000 * 2 = 12000, lean needs (2000 + 2000) * 2 = 8000
        TransferPlanner.Decision d = TransferPlanner.decide(1000, 2000, 2.0,
                new MemoryGauge.Reading(GB, 10_000, OptionalLong.empty()));
        assertEquals(TransferPlanner.Mode.PARAMETERS_ONLY, d.mode());
        assertEquals(8000, d.needBytes());
    }

    @Test
    void theSmallerOfDeviceAndOffHeapDecides() {
        TransferPlanner.Decision d = TransferPlanner.decide(1000, 2000, 2.0,
                new MemoryGauge.Reading(GB, GB, OptionalLong.of(9_000)));
        assertEquals(TransferPlanner.Mode.PARAMETERS_ONLY, d.mode());
        assertEquals(9_000, d.freeBytes());
    }

    @Test
    void tooLittleForEvenTheLeanPathIsNoDecision() {
        TransferPlanner.Decision d = TransferPlanner.decide(1000, 2000, 2.0,
                new MemoryGauge.Reading(GB, 7_999, OptionalLong.empty()));
        assertFalse(d.fits());
        assertNull(d.mode());
        TransferPlanner.Decision heap = TransferPlanner.decide(1000, 2000, 2.0,
                new MemoryGauge.Reading(1_999, GB, OptionalLong.empty()));
        assertFalse(heap.fits(), "the heap must hold a parameters' worth times the headroom");
    }
}
