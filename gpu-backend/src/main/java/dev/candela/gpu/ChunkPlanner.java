package dev.candela.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch of symbols into chunks that fit in device memory. Each device offers its free memory
 * less a headroom; symbols are shared between devices in proportion to what they offer, in order, and each
 * device's share is cut into equal chunks no larger than fits.
 */
final class ChunkPlanner {
    /** Left free on a CUDA device at least: the CUDA context, cuBLAS workspaces and fragmentation. */
    static final long DEVICE_RESERVE_BYTES = 512L << 20;
    /** Left free in host memory at least when the "device" is the host: the OS and the JVM's own needs. */
    static final long HOST_RESERVE_BYTES = 1L << 30;

    private ChunkPlanner() {
    }

    /**
     * What one device offers.
     *
     * @param device      the device index
     * @param usableBytes free memory less headroom; zero or less means the device takes nothing
     */
    record Budget(int device, long usableBytes) {
    }

    /**
     * Symbols {@code [from, to)} computed together on {@code device}.
     */
    record Chunk(int from, int to, int device) {
        Chunk {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("empty or negative chunk [" + from + ", " + to + ")");
            }
        }

        int rows() {
            return to - from;
        }

        /** The two halves, for a retry with less memory; a one-symbol chunk cannot be split. */
        List<Chunk> halves() {
            if (rows() < 2) {
                throw new IllegalStateException("a chunk of one symbol cannot be split");
            }
            int middle = from + rows() / 2;
            return List.of(new Chunk(from, middle, device), new Chunk(middle, to, device));
        }
    }

    /**
     * The memory kept free on a device: the configured fraction of its total, but at least the reserve for
     * its kind of memory.
     */
    static long headroom(long totalBytes, double fraction, boolean hostMemory) {
        long reserve = hostMemory ? HOST_RESERVE_BYTES : DEVICE_RESERVE_BYTES;
        return Math.max((long) Math.ceil(totalBytes * fraction), reserve);
    }

    /** The budgets of every device of {@code devices} now. */
    static List<Budget> budgets(DeviceSet devices, double headroomFraction) {
        List<Budget> budgets = new ArrayList<>();
        for (int d = 0; d < devices.count(); d++) {
            long headroom = headroom(devices.totalBytes(d), headroomFraction, devices.hostMemory());
            budgets.add(new Budget(d, devices.freeBytes(d) - headroom));
        }
        return budgets;
    }

    /**
     * Plans {@code symbols} symbols of {@code bytesPerSymbol} each.
     *
     * @param maxRows the most symbols a chunk may hold for reasons other than device memory (host staging)
     * @return chunks covering {@code [0, symbols)} in order; empty when not even one symbol fits anywhere
     */
    static List<Chunk> plan(int symbols, long bytesPerSymbol, List<Budget> budgets, int maxRows) {
        if (bytesPerSymbol <= 0 || maxRows < 1 || symbols < 0) {
            throw new IllegalArgumentException("bytesPerSymbol " + bytesPerSymbol + ", maxRows " + maxRows
                    + ", symbols " + symbols);
        }
        List<Budget> fitting = budgets.stream().filter(b -> b.usableBytes() >= bytesPerSymbol).toList();
        if (fitting.isEmpty() || symbols == 0) {
            return List.of();
        }
        double offered = fitting.stream().mapToDouble(Budget::usableBytes).sum();
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        double cumulative = 0;
        for (int k = 0; k < fitting.size(); k++) {
            Budget budget = fitting.get(k);
            cumulative += budget.usableBytes();
            int to = k == fitting.size() - 1 ? symbols : (int) Math.round(symbols * (cumulative / offered));
            if (to > from) {
                long fits = Math.min(maxRows, budget.usableBytes() / bytesPerSymbol);
                addEqualChunks(chunks, from, to, (int) fits, budget.device());
            }
            from = Math.max(from, to);
        }
        return List.copyOf(chunks);
    }

    private static void addEqualChunks(List<Chunk> chunks, int from, int to, int maxRows, int device) {
        int length = to - from;
        int pieces = (length + maxRows - 1) / maxRows;
        for (int k = 0; k < pieces; k++) {
            int start = from + (int) ((long) length * k / pieces);
            int end = from + (int) ((long) length * (k + 1) / pieces);
            chunks.add(new Chunk(start, end, device));
        }
    }
}
