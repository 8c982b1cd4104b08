package dev.candela.optimizer;

import dev.candela.optimizer.report.ActionTaken;
import dev.candela.spi.BatchSizeControl;
import dev.candela.spi.MemoryReclaimer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thresholds 0.8 memory and 0.9 GPU memory, hysteresis 0.05, escalation after 3 samples; all scripted. */
class PressureResponseTest {
    private final ScriptedSamples script = new ScriptedSamples();
    private final List<MemoryReclaimer.Pressure> asked = new ArrayList<>();
    private int collections;
    private final HalvingBatch batch = new HalvingBatch("training.miniBatch", 256, 32);
    private final PerformanceOptimizer optimizer = PerformanceOptimizer
            .builder(Machines.cpuOnly(4, 8 * ScriptedSamples.GIB), Machines.fixedThresholds())
            .sampler(script)
            .garbageCollection(() -> {
                collections++;
                return 1_000;
            })
            .build();

    PressureResponseTest() {
        optimizer.register(new MemoryReclaimer() {
            @Override
            public String name() {
                return "test-cache";
            }

            @Override
            public long reclaim(Pressure pressure) {
                asked.add(pressure);
                return pressure == Pressure.CRITICAL ? 4_000 : 2_000;
            }
        });
        optimizer.register(batch);
    }

    private void run() {
        while (script.remaining() > 0) {
            optimizer.sampleNow();
        }
    }

    private List<String> kinds() {
        return optimizer.actions().stream().map(ActionTaken::kind).toList();
    }

    @Test
    void readingsBelowTheThresholdDoNothing() {
        script.heap(0.5).heap(0.79).heap(0.8).heap(0.6);
        run();
        assertEquals(List.of(), optimizer.actions());
        assertEquals(0, collections);
        assertEquals(256, batch.batchSize());
    }

    @Test
    void crossingTheMemoryThresholdCleansUpOnceWithTheMeasuredRelease() {
        script.heap(0.5).heap(0.85);
        run();
        assertEquals(List.of(ActionTaken.MEMORY_CLEANUP), kinds());
        ActionTaken a = optimizer.actions().get(0);
        assertEquals("heap 85.0% > 80.0%", a.trigger());
        assertEquals(3_000, a.bytesReleased(), "cache 2,000 + gc 1,000");
        assertEquals(List.of(MemoryReclaimer.Pressure.MODERATE), asked);
        assertEquals(1, collections);
        assertEquals(256, batch.batchSize(), "a first crossing does not touch batch sizes");
    }

    @Test
    void readingsHoveringInsideTheHysteresisBandDoNotActAgain() {
        // Up, down to 0.76 (above 0.80 - 0.05), up again: still the same episode, no second clean-up.
        script.heap(0.85).heap(0.76).heap(0.82).heap(0.77).heap(0.81);
        run();
        assertEquals(List.of(ActionTaken.MEMORY_CLEANUP), kinds());
    }

    @Test
    void fallingBelowTheBandEndsTheEpisodeSoTheNextCrossingActsAgain() {
        script.heap(0.85).heap(0.74).heap(0.85);
        run();
        assertEquals(List.of(ActionTaken.MEMORY_CLEANUP, ActionTaken.MEMORY_CLEANUP), kinds());
    }

    @Test
    void memoryStayingAboveEscalatesToCriticalCleanUpAndSmallerBatches() {
        script.heap(0.85).heap(0.86).heap(0.87).heap(0.88);
        run();
        assertEquals(List.of(ActionTaken.MEMORY_CLEANUP, ActionTaken.MEMORY_CLEANUP, ActionTaken.BATCH_REDUCTION),
                kinds());
        assertEquals(List.of(MemoryReclaimer.Pressure.MODERATE, MemoryReclaimer.Pressure.CRITICAL), asked);
        assertEquals(128, batch.batchSize());
        assertEquals("training.miniBatch 256 -> 128", optimizer.actions().get(2).detail().replace("batch sizes: ", ""));
        assertTrue(optimizer.actions().get(1).trigger().endsWith("for 4 samples"), optimizer.actions().get(1).trigger());
    }

    @Test
    void deviceMemoryCrossingShrinksBatchesUntilTheyCannotShrink() {
        // Enter at sample 1, escalate at 4, 7 and 10; the batch stops at its floor of 32.
        for (int i = 0; i < 10; i++) {
            script.gpu(0.95);
        }
        run();
        assertEquals(32, batch.batchSize());
        long reductions = kinds().stream().filter(ActionTaken.BATCH_REDUCTION::equals).count();
        assertEquals(3, reductions, "256 -> 128 -> 64 -> 32, then nothing left to reduce");
        assertEquals("GPU 0 memory 95.0% > 90.0%", optimizer.actions().get(0).trigger());
    }

    @Test
    void aFailingReclaimerDoesNotStopTheOthers() {
        optimizer.register(new MemoryReclaimer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public long reclaim(Pressure pressure) {
                throw new IllegalStateException("no");
            }
        });
        script.heap(0.9);
        run();
        ActionTaken a = optimizer.actions().get(0);
        assertEquals(3_000, a.bytesReleased());
        assertTrue(a.detail().contains("broken failed"), a.detail());
    }

    /** A batch size that halves down to a floor. */
    static final class HalvingBatch implements BatchSizeControl {
        private final String name;
        private final int floor;
        private int size;

        HalvingBatch(String name, int size, int floor) {
            this.name = name;
            this.size = size;
            this.floor = floor;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int batchSize() {
            return size;
        }

        @Override
        public boolean canReduce() {
            return size / 2 >= floor;
        }

        @Override
        public int reduce() {
            size /= 2;
            return size;
        }
    }
}
