package dev.candela.cpu.overlap;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class StandardDeviationTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new StandardDeviation();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {5, 1}, new double[] {2, 2}, new double[] {100, 1.5});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("stdDev", b.length(),
                (end, begin, count, out) -> core.stdDev(0, end, b.close(), p.getInt(0), p.get(1), begin, count, out)));
    }
}
