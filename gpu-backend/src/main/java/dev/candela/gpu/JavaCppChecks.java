package dev.candela.gpu;

/**
 * JavaCPP's check of the process's physical memory, which it makes at every native allocation.
 *
 * <p>JavaCPP (under ND4J) compares the process's resident memory with {@code maxPhysicalBytes} each time
 * it registers a native allocation, and ND4J allocates small native buffers (shape descriptors, op
 * contexts) for nearly every operation. Profiling DL4J training showed that check as the single largest
 * item: about a third of the training thread's samples, and a 4-bucket MLP run took 1.3 s without it
 * against 1.7 s with it. Candela therefore turns it off before ND4J loads, unless the user has set the
 * limit ({@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=...}, which then stays in force). JavaCPP's own
 * {@code maxBytes} limit on the memory it tracks still applies, and the optimizer's resource monitor
 * samples the process's memory and collects garbage under pressure, so the guard moves from every
 * allocation to a sampled one.
 */
public final class JavaCppChecks {
    /** The property JavaCPP reads, in its two spellings (the lower-case one first). */
    static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String PROPERTY_LOWER_CASE = "org.bytedeco.javacpp.maxphysicalbytes";

    private JavaCppChecks() {
    }

    /**
     * Sets {@code maxPhysicalBytes} to 0 (no check) unless it is set already. Takes effect only if
     * JavaCPP's {@code Pointer} has not been loaded yet, which reads it once.
     *
     * @return whether this call set it
     */
    public static boolean turnOffPhysicalMemoryCheckUnlessSet() {
        synchronized (JavaCppChecks.class) {
            if (System.getProperty(PROPERTY) != null || System.getProperty(PROPERTY_LOWER_CASE) != null) {
                return false;
            }
            System.setProperty(PROPERTY, "0");
            return true;
        }
    }
}
