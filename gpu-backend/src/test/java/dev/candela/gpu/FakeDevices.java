package dev.candela.gpu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Devices with chosen memory, on nd4j-native. Each offers exactly {@code usable} bytes beyond the planner's
 * minimum headroom, and records which thread attached to which device.
 */
final class FakeDevices implements DeviceSet {
    static final long TOTAL = 1L << 30;

    private final long[] usable;
    final List<String> attachments = new CopyOnWriteArrayList<>();

    FakeDevices(long... usable) {
        this.usable = usable.clone();
    }

    @Override
    public int count() {
        return usable.length;
    }

    @Override
    public long freeBytes(int device) {
        return usable[device] + ChunkPlanner.headroom(TOTAL, 0.0, false);
    }

    @Override
    public long totalBytes(int device) {
        return TOTAL;
    }

    @Override
    public boolean hostMemory() {
        return false;
    }

    @Override
    public void attach(int device) {
        attachments.add(Thread.currentThread().getName() + "->" + device);
    }

    @Override
    public String describe() {
        return usable.length + " fake device(s)";
    }
}
