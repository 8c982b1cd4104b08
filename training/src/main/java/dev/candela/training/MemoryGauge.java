package dev.candela.training;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.OptionalLong;

/** Reads how much memory is free where a model lives: the Java heap, off-heap (JavaCPP) and the device. */
interface MemoryGauge {

    /**
     * One reading.
     *
     * @param heapFreeBytes    heap that can still be allocated: max minus used
     * @param offHeapFreeBytes off-heap bytes JavaCPP still allows ({@code Pointer.maxBytes() - totalBytes()})
     * @param deviceFreeBytes  free memory of the current accelerator, absent on a CPU backend
     */
    record Reading(long heapFreeBytes, long offHeapFreeBytes, OptionalLong deviceFreeBytes) {
    }

    Reading read();

    /** The readings of this process: {@link Runtime}, JavaCPP's {@link Pointer}, ND4J's native ops. */
    static MemoryGauge system() {
        return () -> {
            Runtime runtime = Runtime.getRuntime();
            long heapFree = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
            long offHeapFree = Math.max(0, Pointer.maxBytes() - Pointer.totalBytes());
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            OptionalLong device = OptionalLong.empty();
            if (ops.getAvailableDevices() > 0) {
                device = OptionalLong.of(ops.getDeviceFreeMemory(ops.getDevice()));
            }
            return new Reading(heapFree, offHeapFree, device);
        };
    }
}
