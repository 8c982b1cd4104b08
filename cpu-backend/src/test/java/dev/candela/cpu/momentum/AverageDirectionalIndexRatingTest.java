package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class AverageDirectionalIndexRatingTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new AverageDirectionalIndexRating();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {14}, new double[] {2}, new double[] {30});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.single("adxr", b.length(),
                (end, begin, count, out) -> core.adxr(0, end, b.high(), b.low(), b.close(), p.getInt(0), begin, count, out)));
    }
}
