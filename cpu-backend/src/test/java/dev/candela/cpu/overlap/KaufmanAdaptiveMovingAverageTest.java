package dev.candela.cpu.overlap;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class KaufmanAdaptiveMovingAverageTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new KaufmanAdaptiveMovingAverage();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {30}, new double[] {2}, new double[] {100});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("kama", b.length(),
                (end, begin, count, out) -> core.kama(0, end, b.close(), p.getInt(0), begin, count, out)));
    }
}
