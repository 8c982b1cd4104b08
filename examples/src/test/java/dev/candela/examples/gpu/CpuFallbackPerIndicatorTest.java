package dev.candela.examples.gpu;

import dev.candela.cli.CandelaCli;
import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.runtime.BackendSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indicators without a device kernel run on the CPU path of the GPU backend, one by one, in request order. */
class CpuFallbackPerIndicatorTest {

    @Test
    void indicatorsWithoutAKernelComeFromTheCpuPathUnchanged() {
        OhlcvSeries series = SharedData.read(SharedData.BTC_1H);
        try (Candela gpu = Runtimes.emulatedGpu(); Candela cpu = Runtimes.cpu()) {
            List<ResolvedIndicator> mixed = gpu.registry().resolveAll("kama(30),rsi(14),sar,mfi(14),ema(20),ichimoku");
            IndicatorResults onGpu = gpu.compute().compute(mixed, series);
            IndicatorResults onCpu = cpu.compute().compute(mixed, series);

            assertEquals(onCpu.columnNames(), onGpu.columnNames(), "request order");
            for (String column : onGpu.columnNames()) {
                boolean kernel = column.startsWith("rsi") || column.startsWith("ema");
                assertEquals(kernel ? "gpu" : "cpu", onGpu.backendOf(column), column);
                if (!kernel) {
                    assertArrayEquals(onCpu.column(column, 0), onGpu.column(column, 0), 0.0, column);
                }
            }
        }
    }

    @Test
    void explainShowsWhichBackendComputedEachColumn(@TempDir Path dir) {
        String previous = System.getProperty(BackendSelector.EMULATE_PROPERTY);
        System.setProperty(BackendSelector.EMULATE_PROPERTY, "true");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = CandelaCli.run(new String[] {"indicators", "--backend", "gpu", "--indicators",
                            "rsi(14),kama(30),macd(12,26,9)", "--out", dir.resolve("out.csv").toString(), "--explain"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            String stdout = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, stdout);
            assertTrue(stdout.lines().anyMatch(l -> l.matches("rsi\\(14\\)\\s+gpu")), stdout);
            assertTrue(stdout.lines().anyMatch(l -> l.matches("kama\\(30\\)\\s+cpu")), stdout);
            assertTrue(stdout.lines().anyMatch(l -> l.matches("macd\\(12,26,9\\)\\.signal\\s+gpu")), stdout);
            assertTrue(stdout.contains("on the gpu backend"), stdout);
        } finally {
            if (previous == null) {
                System.clearProperty(BackendSelector.EMULATE_PROPERTY);
            } else {
                System.setProperty(BackendSelector.EMULATE_PROPERTY, previous);
            }
        }
    }
}
