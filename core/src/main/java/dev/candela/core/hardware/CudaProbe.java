package dev.candela.core.hardware;

import dev.candela.core.io.ByteSizes;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether Candela's GPU backend (ND4J CUDA {@value #ND4J_CUDA_VERSION}) can run on this machine.
 *
 * <p>Follows the availability-probe pattern of Netty's native transports: {@link #isAvailable()},
 * {@link #ensureAvailability()} and {@link #unavailabilityCause()}, computed once and never throwing.
 * The checks, cheapest first:
 * <ol>
 *   <li>system property {@value #PROBE_PROPERTY}{@code =skip} disables the probe ("CUDA probe disabled");</li>
 *   <li>the NVIDIA driver library ({@code libcuda.so.1}, {@code nvcuda.dll}) must be found on disk;</li>
 *   <li>only then a <em>child JVM</em> (same {@code java} binary, same jars) calls the driver API
 *       through JNA and reports driver version and devices; a crash, hang or unreadable answer there
 *       becomes the reason, and the caller's JVM is never at risk;</li>
 *   <li>ND4J CUDA {@value #ND4J_CUDA_VERSION}'s own limits: a driver for CUDA 11 or newer, every
 *       visible device of compute capability 3.7 to 8.6 (the binaries carry no PTX, so newer GPUs such
 *       as Hopper cannot run them), CUDA 11 cuBLAS and cuSOLVER on the library path, and the ND4J CUDA
 *       backend on the class path (checked as a resource, never loaded).</li>
 * </ol>
 *
 * <p>Every step is injectable through {@link #builder()} so that each outcome can be tested without a GPU.
 */
public final class CudaProbe {

    /** System property that disables the probe when set to {@code skip}. */
    public static final String PROBE_PROPERTY = "candela.cuda.probe";
    /** How long the child JVM may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** The ND4J release whose CUDA limits this probe applies. */
    public static final String ND4J_CUDA_VERSION = "1.0.0-M2.1";

    static final String CUDA_BACKEND_RESOURCE = "org/nd4j/linalg/jcublas/JCublasBackend.class";
    static final String CUDA_BACKEND_ARTIFACT = "org.nd4j:nd4j-cuda-11.6:" + ND4J_CUDA_VERSION;
    static final int MIN_COMPUTE_CAPABILITY = 37;
    static final int MAX_COMPUTE_CAPABILITY = 86;
    static final int MIN_DRIVER_VERSION = 11000;

    private static final Logger LOG = LoggerFactory.getLogger(CudaProbe.class);

    /** Finds a native library file by name without loading it. */
    @FunctionalInterface
    public interface LibraryLocator {
        Optional<Path> find(String fileName);
    }

    /** Runs a command to completion or until the timeout, whichever comes first. */
    @FunctionalInterface
    public interface ProcessRunner {
        ProcessResult run(List<String> command, Duration timeout) throws IOException;
    }

    /**
     * What a child process did.
     *
     * @param exitCode its exit code; meaningless when {@code timedOut}
     * @param timedOut true when it was killed for exceeding the timeout
     * @param stdout   its standard output (possibly truncated)
     * @param stderr   its standard error (possibly truncated)
     */
    public record ProcessResult(int exitCode, boolean timedOut, String stdout, String stderr) {
        public ProcessResult {
            stdout = stdout == null ? "" : stdout;
            stderr = stderr == null ? "" : stderr;
        }
    }

    /** Answers whether a resource is on the class path, without loading or initialising classes. */
    @FunctionalInterface
    public interface ClassPath {
        boolean hasResource(String resourceName);
    }

    private static final class SystemProbe {
        static final CudaProbe INSTANCE = builder().build();
    }

    private final Function<String, String> systemProperties;
    private final Optional<CudaLibraryNames> libraryNames;
    private final String operatingSystem;
    private final LibraryLocator libraryLocator;
    private final ProcessRunner processRunner;
    private final ClassPath classPath;
    private final Duration timeout;
    private volatile CudaStatus status;

    private CudaProbe(Builder builder) {
        this.systemProperties = builder.systemProperties;
        this.operatingSystem = builder.operatingSystem;
        this.libraryNames = CudaLibraryNames.forOperatingSystem(builder.operatingSystem);
        this.processRunner = builder.processRunner != null ? builder.processRunner : new ChildProcessRunner();
        this.libraryLocator = builder.libraryLocator != null
                ? builder.libraryLocator
                : SearchPathLibraryLocator.forSystem(System.getenv(), builder.operatingSystem,
                        System.getProperty("os.arch"), processRunner);
        this.classPath = builder.classPath != null ? builder.classPath : CudaProbe::onOwnClassPath;
        this.timeout = builder.timeout;
    }

    /** The probe for this JVM with the real locator, child JVM and class path; it runs at most once. */
    public static CudaProbe system() {
        return SystemProbe.INSTANCE;
    }

    /** A probe whose steps can be replaced; unset steps use the real ones. */
    public static Builder builder() {
        return new Builder();
    }

    /** The probe's verdict, computed on first call and then reused. Never throws. */
    public CudaStatus status() {
        CudaStatus result = status;
        if (result == null) {
            synchronized (this) {
                result = status;
                if (result == null) {
                    result = probe();
                    status = result;
                }
            }
        }
        return result;
    }

    public boolean isAvailable() {
        return status().usable();
    }

    /** Why CUDA cannot be used, or {@code null} when it can. */
    public String unavailabilityCause() {
        CudaStatus result = status();
        return result.usable() ? null : result.reason();
    }

    /** Throws {@link IllegalStateException} carrying {@link #unavailabilityCause()} unless CUDA is usable. */
    public void ensureAvailability() {
        CudaStatus result = status();
        if (!result.usable()) {
            throw new IllegalStateException("CUDA is not usable: " + result.reason());
        }
    }

    private CudaStatus probe() {
        CudaStatus result;
        try {
            result = evaluate();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // The probe's promise is to never fail its caller; the cause travels in the reason.
            LOG.warn("CUDA probe failed", e);
            result = CudaStatus.unavailable("CUDA probe failed: " + ProbeFailure.of("cuda", e).cause());
        }
        LOG.debug("CUDA status: {}", result);
        return result;
    }

    private CudaStatus evaluate() {
        String setting = systemProperties.apply(PROBE_PROPERTY);
        if (setting != null && setting.strip().equalsIgnoreCase("skip")) {
            return CudaStatus.unavailable("CUDA probe disabled");
        }
        if (setting != null && !setting.isBlank() && !setting.strip().equalsIgnoreCase("auto")) {
            LOG.warn("ignoring -D{}={}: expected 'skip' or 'auto'", PROBE_PROPERTY, setting);
        }
        if (libraryNames.isEmpty()) {
            return CudaStatus.unavailable("CUDA is not supported on " + operatingSystem);
        }
        CudaLibraryNames names = libraryNames.get();
        Optional<Path> driver = libraryLocator.find(names.driver());
        if (driver.isEmpty()) {
            return CudaStatus.unavailable("no NVIDIA driver (" + names.driver() + " not found)");
        }
        String driverLibrary = driver.get().toString();

        ProcessResult result;
        try {
            result = processRunner.run(childCommand(driver.get()), timeout);
        } catch (IOException e) {
            return driverOnly(driverLibrary, "CUDA driver probe could not start: " + e);
        }
        if (result.timedOut()) {
            return driverOnly(driverLibrary, "CUDA driver probe timed out after " + describe(timeout)
                    + " and was killed");
        }
        if (result.exitCode() != 0) {
            return driverOnly(driverLibrary, "CUDA driver probe crashed (exit code " + result.exitCode()
                    + signalName(result.exitCode()) + ")" + lastLine(result.stderr()));
        }
        DriverProbeOutput output;
        try {
            output = DriverProbeOutput.parse(result.stdout());
        } catch (IllegalArgumentException e) {
            return driverOnly(driverLibrary, "CUDA driver probe returned unreadable output (exit code 0: "
                    + e.getMessage() + "): '" + abbreviate(result.stdout()) + "'");
        }
        return judge(driverLibrary, output, names);
    }

    private CudaStatus judge(String driverLibrary, DriverProbeOutput output, CudaLibraryNames names) {
        String version = DriverProbeOutput.cudaVersion(output.driverVersion());
        List<CudaDevice> devices = output.devices();
        if (output.failure() != null) {
            return new CudaStatus(false, "CUDA driver probe failed: " + output.failure(), true, driverLibrary,
                    version, 0, List.of());
        }
        if (output.initResult() == DriverProbeOutput.CUDA_ERROR_NO_DEVICE
                || (output.initResult() == 0 && devices.isEmpty())) {
            return new CudaStatus(false, "NVIDIA driver (CUDA " + version + ") found but no CUDA device is visible",
                    true, driverLibrary, version, 0, List.of());
        }
        if (output.initResult() != 0) {
            return new CudaStatus(false, "cuInit failed with " + output.initResultName() + " ("
                    + output.initResult() + ")", true, driverLibrary, version, 0, List.of());
        }
        String reason = unusableReason(output, names);
        boolean usable = reason == null;
        if (usable) {
            reason = "CUDA usable: driver for CUDA " + version + ", " + devices.stream()
                    .map(d -> describe(d) + " (compute capability " + d.computeCapability() + ", "
                            + ByteSizes.format(d.totalMemoryBytes()) + ")")
                    .collect(Collectors.joining(", "));
        }
        return new CudaStatus(usable, reason, true, driverLibrary, version, devices.size(), devices);
    }

    /** The first of ND4J CUDA's requirements that this machine misses, or {@code null}. */
    private String unusableReason(DriverProbeOutput output, CudaLibraryNames names) {
        if (output.driverVersion() < MIN_DRIVER_VERSION) {
            return "NVIDIA driver supports CUDA " + DriverProbeOutput.cudaVersion(output.driverVersion())
                    + " only; ND4J CUDA " + ND4J_CUDA_VERSION + " needs a driver for CUDA 11.0 or newer";
        }
        List<CudaDevice> devices = output.devices();
        for (CudaDevice device : devices) {
            int cc = device.computeCapabilityCode();
            if (cc < MIN_COMPUTE_CAPABILITY || cc > MAX_COMPUTE_CAPABILITY) {
                return describe(device) + " has compute capability " + device.computeCapability()
                        + "; ND4J CUDA " + ND4J_CUDA_VERSION + " runs only on 3.7-8.6"
                        + (devices.size() > 1 ? " (hide it with CUDA_VISIBLE_DEVICES)" : "");
            }
        }
        if (libraryLocator.find(names.cublas()).isEmpty()) {
            return "CUDA 11.6 cuBLAS not found (" + names.cublas() + ")";
        }
        if (libraryLocator.find(names.cusolver()).isEmpty()) {
            return "CUDA 11.6 cuSOLVER not found (" + names.cusolver() + ")";
        }
        if (!classPath.hasResource(CUDA_BACKEND_RESOURCE)) {
            return "ND4J CUDA backend is not on the class path (add " + CUDA_BACKEND_ARTIFACT + ")";
        }
        return null;
    }

    /** The child JVM command: this JVM's {@code java} binary and the jars holding the probe and JNA. */
    List<String> childCommand(Path driverLibrary) {
        String java = Path.of(System.getProperty("java.home"), "bin",
                operatingSystem.toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        // A tiny, short-lived JVM: small heap, no JIT tiers beyond C1, no GC threads to speak of.
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(childClassPath());
        command.add(CudaDriverProbeMain.class.getName());
        command.add(driverLibrary.toString());
        return command;
    }

    private static String childClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(CudaDriverProbeMain.class, com.sun.jna.Native.class)) {
            Optional<String> location = codeLocation(type);
            if (location.isEmpty()) {
                // Unusual class loaders hide code sources; the JVM's own class path then has to do.
                return System.getProperty("java.class.path");
            }
            entries.add(location.get());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Optional<String> codeLocation(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean onOwnClassPath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = CudaProbe.class.getClassLoader();
        }
        return loader.getResource(resource) != null;
    }

    private static CudaStatus driverOnly(String driverLibrary, String reason) {
        return new CudaStatus(false, reason, true, driverLibrary, "", 0, List.of());
    }

    private static String describe(CudaDevice device) {
        return "GPU " + device.index() + " " + device.name();
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Exit codes above 128 mean "killed by signal (code - 128)" on POSIX shells and JVM launchers. */
    private static String signalName(int exitCode) {
        return switch (exitCode) {
            case 134 -> ", SIGABRT";
            case 135 -> ", SIGBUS";
            case 132 -> ", SIGILL";
            case 137 -> ", SIGKILL";
            case 139 -> ", SIGSEGV";
            case 143 -> ", SIGTERM";
            default -> "";
        };
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : ": " + abbreviate(lines.get(lines.size() - 1));
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\r', ' ').replace('\n', ' ').strip();
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }

    /** Replaces the probe's steps; anything left unset uses the real implementation. */
    public static final class Builder {
        private Function<String, String> systemProperties = System::getProperty;
        private String operatingSystem = System.getProperty("os.name", "");
        private LibraryLocator libraryLocator;
        private ProcessRunner processRunner;
        private ClassPath classPath;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /** Where {@value #PROBE_PROPERTY} is read from; defaults to {@link System#getProperty(String)}. */
        public Builder systemProperties(Function<String, String> systemProperties) {
            this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
            return this;
        }

        public Builder libraryLocator(LibraryLocator libraryLocator) {
            this.libraryLocator = Objects.requireNonNull(libraryLocator, "libraryLocator");
            return this;
        }

        public Builder processRunner(ProcessRunner processRunner) {
            this.processRunner = Objects.requireNonNull(processRunner, "processRunner");
            return this;
        }

        public Builder classPath(ClassPath classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            return this;
        }

        /** How long the child JVM may run; defaults to {@link #DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The operating system name, as in {@code os.name}; tests use it to pick library names. */
        Builder operatingSystem(String operatingSystem) {
            this.operatingSystem = Objects.requireNonNull(operatingSystem, "operatingSystem");
            return this;
        }

        public CudaProbe build() {
            return new CudaProbe(this);
        }
    }
}
