package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class TrueRangeIndicatorTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new TrueRangeIndicator();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[0]);
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.single("trueRange", b.length(),
                (end, begin, count, out) -> core.trueRange(0, end, b.high(), b.low(), b.close(), begin, count, out)));
    }
}
