package dev.candela.gpu.kernel;

import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** A {@link DeviceKernel} assembled from its metadata and functions; see {@link #builder}. */
final class KernelDefinition implements DeviceKernel {
    private final String id;
    private final List<String> parameterNames;
    private final List<String> outputs;
    private final Set<PriceField> inputs;
    private final ToIntFunction<Parameters> lookback;
    private final ToLongFunction<Parameters> workingArrays;
    private final long windowPadding;
    private final BiFunction<Parameters, KernelInputs, List<INDArray>> compute;
    private final Map<String, ToDoubleFunction<Parameters>> deviations;

    private KernelDefinition(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.parameterNames = List.copyOf(b.parameterNames);
        this.outputs = List.copyOf(b.outputs);
        this.inputs = Set.copyOf(b.inputs);
        this.lookback = Objects.requireNonNull(b.lookback, "lookback");
        this.workingArrays = Objects.requireNonNull(b.workingArrays, "workingArrays");
        this.windowPadding = b.windowPadding;
        this.compute = Objects.requireNonNull(b.compute, "compute");
        this.deviations = Map.copyOf(b.deviations);
        if (!outputs.containsAll(deviations.keySet())) {
            throw new IllegalArgumentException("deviation outputs " + deviations.keySet() + " not among " + outputs);
        }
    }

    static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public List<String> outputs() {
        return outputs;
    }

    @Override
    public Set<PriceField> inputs() {
        return inputs;
    }

    @Override
    public int lookback(Parameters parameters) {
        return lookback.applyAsInt(parameters);
    }

    /**
     * Working arrays times the bars, where scans and window kernels pad each row by up to twice their
     * chunk (or their longest window, when that is longer).
     */
    @Override
    public long workingBytesPerRow(Parameters parameters, long bars, int elementBytes) {
        long padding = windowPadding > 0 ? 2 * Math.max(windowPadding, maxPeriod(parameters)) : 0;
        return workingArrays.applyAsLong(parameters) * (bars + padding) * elementBytes;
    }

    /** Doubling steps of a window of {@code w} bars: the bit length of {@code w}. */
    static long doublings(int w) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, w));
    }

    private static long maxPeriod(Parameters parameters) {
        long max = 0;
        for (int i = 0; i < parameters.size(); i++) {
            max = Math.max(max, (long) Math.ceil(parameters.get(i)));
        }
        return max;
    }

    @Override
    public double deviationMultiplier(Parameters parameters, int output) {
        ToDoubleFunction<Parameters> multiplier = deviations.get(outputs.get(output));
        boolean drifts = multiplier != null && !BandKernels.replaysTaLib(DataType.DOUBLE);
        return drifts ? multiplier.applyAsDouble(parameters) : 0.0;
    }

    @Override
    public List<INDArray> compute(Parameters parameters, KernelInputs inputs) {
        List<INDArray> result = compute.apply(parameters, inputs);
        if (result.size() != outputs.size()) {
            throw new IllegalStateException("kernel " + id + " returned " + result.size() + " outputs, expected "
                    + outputs.size());
        }
        return result;
    }

    @Override
    public String toString() {
        return id + " (device kernel)";
    }

    static final class Builder {
        private final String id;
        private List<String> parameterNames = List.of();
        private List<String> outputs = List.of("value");
        private Set<PriceField> inputs = EnumSet.of(PriceField.CLOSE);
        private ToIntFunction<Parameters> lookback;
        private ToLongFunction<Parameters> workingArrays;
        private long windowPadding;
        private BiFunction<Parameters, KernelInputs, List<INDArray>> compute;
        private final Map<String, ToDoubleFunction<Parameters>> deviations = new HashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        Builder parameters(String... names) {
            this.parameterNames = List.of(names);
            return this;
        }

        Builder outputs(String... names) {
            this.outputs = List.of(names);
            return this;
        }

        Builder inputs(PriceField first, PriceField... rest) {
            this.inputs = EnumSet.of(first, rest);
            return this;
        }

        Builder lookback(ToIntFunction<Parameters> value) {
            this.lookback = value;
            return this;
        }

        /**
         * How many {@code rows x bars} arrays the kernel allocates in all, outputs included: its workspace
         * keeps every allocation until the kernel ends, so this is a total, not a peak. Measured per kernel
         * (see the memory tests) and rounded up.
         */
        Builder workingArrays(ToLongFunction<Parameters> value) {
            this.workingArrays = value;
            return this;
        }

        Builder workingArrays(long value) {
            return workingArrays(p -> value);
        }

        /**
         * Rows are padded to whole chunks of at least {@code bars} bars, and of the longest window when that
         * is longer (scans and window kernels).
         */
        Builder windowPadding(long bars) {
            this.windowPadding = bars;
            return this;
        }

        /**
         * Marks {@code output} as {@code multiplier} rolling standard deviations, which need TA-Lib's drift as
         * added tolerance where the backend cannot replay TA-Lib's running sums (see {@link #deviationMultiplier}).
         */
        Builder deviation(String output, ToDoubleFunction<Parameters> multiplier) {
            deviations.put(output, multiplier);
            return this;
        }

        Builder compute(BiFunction<Parameters, KernelInputs, List<INDArray>> value) {
            this.compute = value;
            return this;
        }

        DeviceKernel build() {
            return new KernelDefinition(this);
        }
    }
}
