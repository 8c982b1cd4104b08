package dev.candela.core.hardware;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Takes a {@link HardwareReport} of this machine: Oshi for CPU, memory, operating system and graphics
 * cards, {@link CudaProbe} for CUDA.
 *
 * <p>Never throws. Each part that fails is replaced by what the JVM itself knows (processor count,
 * {@code OperatingSystemMXBean} memory, {@code os.name}) and recorded in
 * {@link HardwareReport#failures()}.
 */
public final class HardwareProbe {

    private static final Logger LOG = LoggerFactory.getLogger(HardwareProbe.class);

    private final Supplier<HardwareAbstractionLayer> hardware;
    private final Supplier<OperatingSystem> operatingSystem;
    private final Supplier<CudaStatus> cuda;

    HardwareProbe(Supplier<HardwareAbstractionLayer> hardware, Supplier<OperatingSystem> operatingSystem,
            Supplier<CudaStatus> cuda) {
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.operatingSystem = Objects.requireNonNull(operatingSystem, "operatingSystem");
        this.cuda = Objects.requireNonNull(cuda, "cuda");
    }

    /** A probe of this machine using {@link CudaProbe#system()}. */
    public static HardwareProbe create() {
        return create(CudaProbe.system());
    }

    /** A probe of this machine using the given CUDA probe. */
    public static HardwareProbe create(CudaProbe cudaProbe) {
        Objects.requireNonNull(cudaProbe, "cudaProbe");
        OshiSystem oshi = new OshiSystem();
        return new HardwareProbe(() -> oshi.get().getHardware(), () -> oshi.get().getOperatingSystem(),
                cudaProbe::status);
    }

    /** Probes the machine. Never throws; see {@link HardwareReport#failures()}. */
    public HardwareReport probe() {
        List<ProbeFailure> failures = new ArrayList<>();
        int jvmProcessors = Math.max(1, Runtime.getRuntime().availableProcessors());

        Cpu cpu = attempt("cpu", () -> {
            CentralProcessor processor = hardware.get().getProcessor();
            return new Cpu(processor.getProcessorIdentifier().getName().strip(),
                    processor.getPhysicalProcessorCount(), processor.getLogicalProcessorCount());
        }, failure -> new Cpu("unknown", 0, 0), failures);
        // Virtual machines and containers sometimes report zero cores; the JVM's count is always there.
        int logical = cpu.logical() > 0 ? cpu.logical() : jvmProcessors;
        int physical = cpu.physical() > 0 ? Math.min(cpu.physical(), logical) : logical;

        Memory memory = attempt("memory", () -> {
            GlobalMemory global = hardware.get().getMemory();
            return new Memory(global.getTotal(), global.getAvailable());
        }, failure -> jvmReportedMemory(), failures);

        String os = attempt("operating system", () -> operatingSystem.get().toString(),
                failure -> System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
                failures).strip();

        List<GpuInfo> gpus = attempt("gpus", () -> hardware.get().getGraphicsCards().stream()
                .map(card -> new GpuInfo(nonNull(card.getName()), nonNull(card.getVendor()),
                        Math.max(0, card.getVRam()), card.getDeviceId(), card.getVersionInfo()))
                .toList(), failure -> List.of(), failures);

        CudaStatus cudaStatus = attempt("cuda", cuda,
                failure -> CudaStatus.unavailable("CUDA probe failed: " + failure.cause()), failures);

        return new HardwareReport(cpu.model().isEmpty() ? "unknown" : cpu.model(), physical, logical,
                jvmProcessors, Math.max(0, memory.total()), Math.max(0, memory.available()),
                Runtime.getRuntime().maxMemory(), os.isEmpty() ? "unknown" : os,
                System.getProperty("os.arch", "unknown"), gpus, cudaStatus, failures);
    }

    /** Runs one part of the probe; on failure records it and returns the fallback built from it. */
    private static <T> T attempt(String component, Supplier<T> probe, Function<ProbeFailure, T> fallback,
            List<ProbeFailure> failures) {
        ProbeFailure failure;
        try {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            failure = new ProbeFailure(component, "no value returned");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Oshi reads /proc, WMI, sysctl and spawns tools; any of it can fail on exotic systems.
            failure = ProbeFailure.of(component, e);
            LOG.debug("hardware probe: {} failed", component, e);
        }
        LOG.warn("hardware probe: {} failed, using a fallback: {}", component, failure.cause());
        failures.add(failure);
        return fallback.apply(failure);
    }

    private static Memory jvmReportedMemory() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean os) {
            return new Memory(os.getTotalMemorySize(), os.getFreeMemorySize());
        }
        return new Memory(0, 0);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * Oshi's entry point, created on first use: its constructor throws on platforms Oshi does not
     * support, and that must happen inside {@link #probe()}, where failures are caught.
     */
    private static final class OshiSystem {
        private SystemInfo systemInfo;

        synchronized SystemInfo get() {
            if (systemInfo == null) {
                systemInfo = new SystemInfo();
            }
            return systemInfo;
        }
    }

    private record Cpu(String model, int physical, int logical) {
    }

    private record Memory(long total, long available) {
    }
}
