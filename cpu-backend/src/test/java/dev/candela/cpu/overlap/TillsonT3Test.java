package dev.candela.cpu.overlap;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class TillsonT3Test extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new TillsonT3();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {5, 0.7}, new double[] {2, 0.0}, new double[] {30, 1.0});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("t3", b.length(),
                (end, begin, count, out) -> core.t3(0, end, b.close(), p.getInt(0), p.get(1), begin, count, out)));
    }
}
