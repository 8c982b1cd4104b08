package dev.candela.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candela.core.Candela;
import dev.candela.core.hardware.CudaDevice;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.GpuInfo;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.runtime.BackendSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code candela hardware}: what the probe found and which backend runs. */
@Command(name = "hardware", mixinStandardHelpOptions = true,
        description = "Show the detected CPU, memory and GPUs, the CUDA probe's verdict and the chosen backend.")
final class HardwareCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Candela candela = parent.global.runtime()) {
            if (json) {
                out.println(toJson(candela));
            } else {
                printText(candela, out);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    static String toJson(Candela candela) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.findAndRegisterModules();
        BackendSelection sel = candela.backend();
        HardwareReport hw = candela.hardware();
        ObjectNode root = mapper.createObjectNode();
        root.put("backend", sel.effective().name().toLowerCase(Locale.ROOT));
        root.put("requested", sel.requested().key());
        root.put("requestedBy", sel.source().description());
        root.put("reason", sel.reason());
        root.put("emulated", sel.emulated());
        root.put("cores", hw.physicalCores());
        root.put("logicalCores", hw.logicalCores());
        root.put("threads", candela.threads().count());
        root.set("hardware", mapper.valueToTree(hw));
        return mapper.writeValueAsString(root);
    }

    private static void printText(Candela candela, PrintWriter out) {
        HardwareReport hw = candela.hardware();
        out.printf("CPU      %s, %d physical / %d logical cores (%d available to the JVM)%n", hw.cpuModel(),
                hw.physicalCores(), hw.logicalCores(), hw.availableProcessors());
        out.printf("Memory   %s total, %s available, JVM heap max %s%n", gib(hw.totalMemoryBytes()),
                gib(hw.availableMemoryBytes()), gib(hw.maxHeapBytes()));
        out.printf("System   %s (%s)%n", hw.operatingSystem(), hw.architecture());
        if (hw.gpus().isEmpty()) {
            out.println("GPUs     none detected");
        }
        for (GpuInfo g : hw.gpus()) {
            if (g.vramBytes() > 0) {
                out.printf("GPU      %s (%s), %s%n", g.name(), g.vendor(), gib(g.vramBytes()));
            } else {
                out.printf("GPU      %s (%s), no memory reported%n", g.name(), g.vendor());
            }
        }
        CudaStatus cuda = hw.cuda();
        out.printf("CUDA     %s: %s%n", cuda.usable() ? "usable" : "unusable", cuda.reason());
        for (CudaDevice d : cuda.devices()) {
            out.printf("         device %d %s, compute capability %d.%d, %s%n", d.index(), d.name(),
                    d.computeCapabilityMajor(), d.computeCapabilityMinor(), gib(d.totalMemoryBytes()));
        }
        BackendSelection sel = candela.backend();
        out.printf("Backend  %s%s: %s%n", sel.effective().name().toLowerCase(Locale.ROOT),
                sel.emulated() ? " (emulated on nd4j-native)" : "", sel.reason());
        out.printf("Threads  %d native math threads (%s)%n", candela.threads().count(), candela.threads().reason());
        candela.hardware().failures().forEach(f -> out.printf("Note     %s%n", f));
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
