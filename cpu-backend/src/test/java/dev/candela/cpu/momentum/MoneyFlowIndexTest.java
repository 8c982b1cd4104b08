package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class MoneyFlowIndexTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new MoneyFlowIndex();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {14}, new double[] {2}, new double[] {50});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.single("mfi", b.length(),
                (end, begin, count, out) -> core.mfi(0, end, b.high(), b.low(), b.close(), b.volume(), p.getInt(0),
                        begin, count, out)));
    }
}
