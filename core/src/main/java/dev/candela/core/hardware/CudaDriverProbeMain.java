package dev.candela.core.hardware;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child-JVM half of {@link CudaProbe}: calls the CUDA driver API through JNA and prints what it
 * finds in the line format that {@link DriverProbeOutput} reads.
 *
 * <p>It runs in its own JVM because a broken driver installation can abort or segfault inside
 * {@code cuInit}; that must cost a child process, never the caller's JVM. The only argument is the path
 * of the driver library.
 */
final class CudaDriverProbeMain {

    static final String HEADER = "candela-cuda-probe 1";
    static final String END = "end";

    private static final int CUDA_SUCCESS = 0;
    private static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    private static final int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
    private static final int NAME_BUFFER_BYTES = 256;

    /** The CUDA driver API entry points the probe needs; {@code CUdevice} is an {@code int}. */
    interface CudaDriver extends Library {
        int cuInit(int flags);

        int cuDriverGetVersion(IntByReference version);

        int cuDeviceGetCount(IntByReference count);

        int cuDeviceGet(IntByReference device, int ordinal);

        int cuDeviceGetName(byte[] name, int length, int device);

        int cuDeviceGetAttribute(IntByReference value, int attribute, int device);

        int cuDeviceTotalMem_v2(LongByReference bytes, int device);

        int cuGetErrorName(int error, PointerByReference name);
    }

    private CudaDriverProbeMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println(HEADER);
        try {
            if (args.length != 1) {
                throw new IllegalArgumentException("expected the driver library path as the only argument");
            }
            report(Native.load(args[0], CudaDriver.class), out);
        } catch (Throwable failure) {
            // This process exists to contain failures: UnsatisfiedLinkError and friends are expected
            // outcomes, reported as data for the parent to read.
            out.println("failure=" + oneLine(failure.toString()));
        }
        out.println(END);
        out.flush();
    }

    private static void report(CudaDriver cuda, PrintStream out) {
        IntByReference value = new IntByReference();
        check(cuda, cuda.cuDriverGetVersion(value), "cuDriverGetVersion");
        out.println("driver.version=" + value.getValue());

        int init = cuda.cuInit(0);
        out.println("init=" + init + " " + errorName(cuda, init));
        if (init != CUDA_SUCCESS) {
            return;
        }
        check(cuda, cuda.cuDeviceGetCount(value), "cuDeviceGetCount");
        int count = value.getValue();
        out.println("device.count=" + count);

        for (int ordinal = 0; ordinal < count; ordinal++) {
            IntByReference handle = new IntByReference();
            check(cuda, cuda.cuDeviceGet(handle, ordinal), "cuDeviceGet");
            int device = handle.getValue();

            byte[] name = new byte[NAME_BUFFER_BYTES];
            check(cuda, cuda.cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
            IntByReference major = new IntByReference();
            check(cuda, cuda.cuDeviceGetAttribute(major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device),
                    "cuDeviceGetAttribute(COMPUTE_CAPABILITY_MAJOR)");
            IntByReference minor = new IntByReference();
            check(cuda, cuda.cuDeviceGetAttribute(minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device),
                    "cuDeviceGetAttribute(COMPUTE_CAPABILITY_MINOR)");
            LongByReference memory = new LongByReference();
            check(cuda, cuda.cuDeviceTotalMem_v2(memory, device), "cuDeviceTotalMem_v2");

            out.println("device." + ordinal + ".name=" + oneLine(Native.toString(name, "UTF-8")));
            out.println("device." + ordinal + ".capability=" + major.getValue() + "." + minor.getValue());
            out.println("device." + ordinal + ".memory=" + memory.getValue());
        }
    }

    private static void check(CudaDriver cuda, int result, String call) {
        if (result != CUDA_SUCCESS) {
            throw new IllegalStateException(call + " returned " + errorName(cuda, result) + " (" + result + ")");
        }
    }

    private static String errorName(CudaDriver cuda, int result) {
        PointerByReference name = new PointerByReference();
        if (cuda.cuGetErrorName(result, name) == CUDA_SUCCESS) {
            Pointer text = name.getValue();
            if (text != null) {
                return text.getString(0);
            }
        }
        return "CUDA_ERROR_" + result;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ').strip();
    }
}
