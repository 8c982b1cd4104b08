package dev.candela.cpu.momentum;

import com.tictactec.ta.lib.MAType;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class StochasticRsiTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new StochasticRsi();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {14, 5, 3}, new double[] {2, 1, 1}, new double[] {30, 14, 5});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.pair("stochRsi", b.length(),
                (end, begin, count, k, d) -> core.stochRsi(0, end, b.close(), p.getInt(0), p.getInt(1), p.getInt(2),
                        MAType.Sma, begin, count, k, d)));
    }
}
