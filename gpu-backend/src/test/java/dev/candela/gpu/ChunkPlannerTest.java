package dev.candela.gpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkPlannerTest {

    @Test
    void headroomIsTheConfiguredFractionButAtLeastTheReserveOfTheKindOfMemory() {
        long gib = 1L << 30;
        assertEquals(ChunkPlanner.DEVICE_RESERVE_BYTES, ChunkPlanner.headroom(2 * gib, 0.1, false));
        assertEquals(2 * gib, ChunkPlanner.headroom(8 * gib, 0.25, false));
        assertEquals(ChunkPlanner.HOST_RESERVE_BYTES, ChunkPlanner.headroom(8 * gib, 0.1, true));
        assertEquals(16 * gib, ChunkPlanner.headroom(64 * gib, 0.25, true));
    }

    @Test
    void splitsABatchIntoEqualChunksThatFit() {
        // 1,000 symbols of 1 MB; 300 MB usable: 4 chunks of 250.
        List<ChunkPlanner.Chunk> plan = ChunkPlanner.plan(1000, 1_000_000,
                List.of(new ChunkPlanner.Budget(0, 300_000_000)), Integer.MAX_VALUE);

        assertEquals(List.of(new ChunkPlanner.Chunk(0, 250, 0), new ChunkPlanner.Chunk(250, 500, 0),
                new ChunkPlanner.Chunk(500, 750, 0), new ChunkPlanner.Chunk(750, 1000, 0)), plan);
    }

    @Test
    void aBatchThatFitsIsOneChunk() {
        assertEquals(List.of(new ChunkPlanner.Chunk(0, 10, 0)),
                ChunkPlanner.plan(10, 100, List.of(new ChunkPlanner.Budget(0, 5_000)), 64));
    }

    @Test
    void hostStagingLimitsChunksToo() {
        List<ChunkPlanner.Chunk> plan = ChunkPlanner.plan(10, 100, List.of(new ChunkPlanner.Budget(0, 1L << 40)), 4);

        assertEquals(3, plan.size());
        assertTrue(plan.stream().allMatch(c -> c.rows() <= 4), plan::toString);
    }

    @Test
    void sharesSymbolsBetweenDevicesInProportionToTheirMemoryAndInOrder() {
        List<ChunkPlanner.Chunk> plan = ChunkPlanner.plan(90, 1_000, List.of(new ChunkPlanner.Budget(0, 20_000),
                new ChunkPlanner.Budget(1, 40_000)), Integer.MAX_VALUE);

        // Device 0 offers a third: symbols 0..29 in two chunks of 15 (20 fit); device 1 the rest, 60 in two.
        assertEquals(List.of(new ChunkPlanner.Chunk(0, 15, 0), new ChunkPlanner.Chunk(15, 30, 0),
                new ChunkPlanner.Chunk(30, 60, 1), new ChunkPlanner.Chunk(60, 90, 1)), plan);
    }

    @Test
    void skipsADeviceWithoutRoomForOneSymbol() {
        List<ChunkPlanner.Chunk> plan = ChunkPlanner.plan(5, 1_000, List.of(new ChunkPlanner.Budget(0, 999),
                new ChunkPlanner.Budget(1, 10_000)), Integer.MAX_VALUE);

        assertEquals(List.of(new ChunkPlanner.Chunk(0, 5, 1)), plan);
    }

    @Test
    void plansNothingWhenNotEvenOneSymbolFits() {
        assertEquals(List.of(), ChunkPlanner.plan(5, 1_000, List.of(new ChunkPlanner.Budget(0, -5),
                new ChunkPlanner.Budget(1, 999)), Integer.MAX_VALUE));
    }

    @Test
    void aChunkSplitsIntoTwoHalvesOnTheSameDevice() {
        assertEquals(List.of(new ChunkPlanner.Chunk(10, 13, 1), new ChunkPlanner.Chunk(13, 17, 1)),
                new ChunkPlanner.Chunk(10, 17, 1).halves());
        assertThrows(IllegalStateException.class, () -> new ChunkPlanner.Chunk(4, 5, 0).halves());
    }

    @Test
    void budgetsSubtractTheHeadroomFromWhatEachDeviceHasFree() {
        FakeDevices devices = new FakeDevices(1_000, 5_000);

        assertEquals(List.of(new ChunkPlanner.Budget(0, 1_000), new ChunkPlanner.Budget(1, 5_000)),
                ChunkPlanner.budgets(devices, 0.1));
    }
}
