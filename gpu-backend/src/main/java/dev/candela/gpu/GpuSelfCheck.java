package dev.candela.gpu;

import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.gpu.kernel.DeviceKernel;
import dev.candela.gpu.kernel.DeviceKernels;
import dev.candela.spi.BarBatch;
import dev.candela.spi.PriceField;
import dev.candela.spi.Profiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a GPU backend against the CPU path: every column of every symbol computed both ways and compared
 * with {@link DeviceAgreement}. The CPU reference is each indicator's own {@code compute}, run on the calling
 * thread, so the check needs nothing but the indicators themselves.
 */
public final class GpuSelfCheck {

    private GpuSelfCheck() {
    }

    /** Specs covering every device kernel, with default and with longer or shorter parameters. */
    public static List<String> defaultSpecs() {
        return List.of("sma(20)", "sma(200)", "ema(12)", "ema(300)", "wma(30)", "dema(30)", "tema(30)",
                "macd(12,26,9)", "macd(5,35,5)", "rsi(14)", "rsi(2)", "trange", "atr(14)", "atr(1)", "natr(14)",
                "adx(14)", "adx(2)", "stddev(20,2)", "bbands(20,2)", "bbands(5,1.5)", "willr(14)", "stoch(5,3,3)",
                "stoch(14,5,5)", "aroon(14)", "aroon(25)", "cci(20)", "cci(7)", "mom(10)", "roc(10)", "obv");
    }

    /**
     * One column compared.
     *
     * @param column  e.g. {@code macd(12,26,9).signal}
     * @param backend the backend that computed it on the GPU side ({@code gpu} unless it fell back)
     * @param worst   the worst bar over all symbols
     */
    public record Comparison(String column, String backend, DeviceAgreement.Worst worst) {
        /** Computed on the device and equal to the CPU path. */
        public boolean agrees() {
            return "gpu".equals(backend) && worst.agrees();
        }
    }

    /** Computes {@code indicators} with {@code gpu} and on the CPU path and compares every column. */
    public static List<Comparison> compare(ComputeBackend gpu, List<ResolvedIndicator> indicators, BarBatch bars) {
        IndicatorResults device = gpu.compute(indicators, bars);
        ComputeBackend cpu = new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled());
        IndicatorResults reference = cpu.compute(indicators, bars);
        List<Comparison> comparisons = new ArrayList<>();
        for (ResolvedIndicator indicator : indicators) {
            Optional<DeviceKernel> kernel = DeviceKernels.forIndicator(indicator.indicator(), indicator.parameters());
            List<String> columns = indicator.columnNames();
            for (int o = 0; o < columns.size(); o++) {
                String column = columns.get(o);
                int output = o;
                double multiplier = kernel.map(k -> k.deviationMultiplier(indicator.parameters(), output)).orElse(0.0);
                DeviceAgreement.Worst worst = new DeviceAgreement.Worst(0.0, -1, Double.NaN, Double.NaN);
                for (int s = 0; s < bars.symbolCount(); s++) {
                    DeviceAgreement.Worst w = DeviceAgreement.compare(device.column(column, s),
                            reference.column(column, s), bars.column(PriceField.CLOSE, s).toArray(), multiplier);
                    if (w.ratio() > worst.ratio() || worst.bar() < 0) {
                        worst = w;
                    }
                }
                comparisons.add(new Comparison(column, device.backendOf(column), worst));
            }
        }
        return comparisons;
    }
}
