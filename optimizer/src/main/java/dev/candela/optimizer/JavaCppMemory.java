package dev.candela.optimizer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * JavaCPP's count of the native memory it allocated ({@code Pointer.totalBytes()}, where ND4J's host
 * buffers live), read reflectively so that the optimizer does not depend on JavaCPP. Looked up once; when
 * JavaCPP is absent or unusable the cause is kept and the reading is 0.
 */
final class JavaCppMemory {
    private static final Logger LOG = LoggerFactory.getLogger(JavaCppMemory.class);
    private static final String POINTER = "org.bytedeco.javacpp.Pointer";

    private final MethodHandle totalBytes;
    private final Throwable unavailabilityCause;

    private JavaCppMemory(MethodHandle totalBytes, Throwable cause) {
        this.totalBytes = totalBytes;
        this.unavailabilityCause = cause;
    }

    /** Finds JavaCPP with {@code loader}. */
    static JavaCppMemory find(ClassLoader loader) {
        try {
            Class<?> pointer = Class.forName(POINTER, false, loader);
            MethodHandle handle = MethodHandles.publicLookup().findStatic(pointer, "totalBytes",
                    MethodType.methodType(long.class));
            return new JavaCppMemory(handle, null);
        } catch (ClassNotFoundException e) {
            return new JavaCppMemory(null, e);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("JavaCPP is on the class path but its memory counter cannot be read", e);
            return new JavaCppMemory(null, e);
        }
    }

    boolean isAvailable() {
        return totalBytes != null;
    }

    /** Why {@link #isAvailable()} is false; {@code null} when it is true. */
    Throwable unavailabilityCause() {
        return unavailabilityCause;
    }

    /** Native bytes JavaCPP has allocated and not yet freed; 0 without JavaCPP. */
    long trackedBytes() {
        if (totalBytes == null) {
            return 0;
        }
        try {
            return (long) totalBytes.invokeExact();
        } catch (Throwable e) {
            LOG.debug("reading JavaCPP's memory counter failed", e);
            return 0;
        }
    }
}
