package dev.candela.gpu;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.lang.management.ManagementFactory;

/**
 * The devices of the loaded ND4J backend: the GPUs of ND4J's affinity manager on CUDA, the host on
 * nd4j-native. Host memory counts what the operating system reports free, less what this JVM's heap may
 * still grow into, because ND4J's native arrays live outside the heap.
 */
final class Nd4jDeviceSet implements DeviceSet {
    private final boolean cuda;

    private Nd4jDeviceSet(boolean cuda) {
        this.cuda = cuda;
    }

    /** The devices of the ND4J backend that is loaded now (loading it if needed). */
    static Nd4jDeviceSet ofLoadedBackend() {
        return new Nd4jDeviceSet(isCuda(Nd4j.getBackend().getClass().getName()));
    }

    static boolean isCuda(String backendClassName) {
        return backendClassName.contains("JCublas");
    }

    @Override
    public int count() {
        return cuda ? Math.max(1, Nd4j.getAffinityManager().getNumberOfDevices()) : 1;
    }

    @Override
    public long freeBytes(int device) {
        if (cuda) {
            return nativeOps().getDeviceFreeMemory(device);
        }
        Runtime rt = Runtime.getRuntime();
        long heapStillToGrow = Math.max(0, rt.maxMemory() - rt.totalMemory());
        return Math.max(0, operatingSystem().getFreeMemorySize() - heapStillToGrow);
    }

    @Override
    public long totalBytes(int device) {
        return cuda ? nativeOps().getDeviceTotalMemory(device) : operatingSystem().getTotalMemorySize();
    }

    @Override
    public boolean hostMemory() {
        return !cuda;
    }

    @Override
    public void attach(int device) {
        if (cuda) {
            Nd4j.getAffinityManager().unsafeSetDevice(device);
        }
    }

    @Override
    public String describe() {
        return cuda ? count() + " CUDA device(s)" : "host memory (nd4j-native)";
    }

    private static NativeOps nativeOps() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }

    private static com.sun.management.OperatingSystemMXBean operatingSystem() {
        return (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }
}
