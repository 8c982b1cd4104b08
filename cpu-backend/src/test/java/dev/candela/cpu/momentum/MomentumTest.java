package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class MomentumTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new Momentum();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {10}, new double[] {1}, new double[] {50});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.single("mom", b.length(),
                (end, begin, count, out) -> core.mom(0, end, b.close(), p.getInt(0), begin, count, out)));
    }
}
