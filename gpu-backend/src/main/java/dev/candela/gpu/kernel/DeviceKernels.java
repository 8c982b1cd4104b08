package dev.candela.gpu.kernel;

import dev.candela.spi.Indicator;
import dev.candela.spi.Parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every device kernel, by indicator id: {@code sma ema wma dema tema macd rsi trange atr natr adx stddev
 * bbands willr stoch aroon cci mom roc obv}.
 */
public final class DeviceKernels {
    private static final Map<String, DeviceKernel> BY_ID;

    static {
        List<DeviceKernel> all = new ArrayList<>();
        all.addAll(AverageKernels.all());
        all.addAll(WilderKernels.all());
        all.addAll(BandKernels.all());
        all.addAll(RangeKernels.all());
        all.addAll(ChangeKernels.all());
        Map<String, DeviceKernel> byId = new LinkedHashMap<>();
        for (DeviceKernel kernel : all) {
            if (byId.putIfAbsent(kernel.id(), kernel) != null) {
                throw new IllegalStateException("two device kernels for '" + kernel.id() + "'");
            }
        }
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private DeviceKernels() {
    }

    /** The ids that have a device kernel, in a stable order. */
    public static Set<String> ids() {
        return BY_ID.keySet();
    }

    /** The kernel for {@code id}, whether or not it serves a particular indicator. */
    public static Optional<DeviceKernel> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The kernel that computes {@code indicator} with {@code parameters}, if there is one. */
    public static Optional<DeviceKernel> forIndicator(Indicator indicator, Parameters parameters) {
        return byId(indicator.id()).filter(k -> k.serves(indicator, parameters));
    }
}
