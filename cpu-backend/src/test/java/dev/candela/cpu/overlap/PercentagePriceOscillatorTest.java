package dev.candela.cpu.overlap;

import com.tictactec.ta.lib.MAType;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class PercentagePriceOscillatorTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new PercentagePriceOscillator();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {12, 26}, new double[] {26, 12}, new double[] {2, 100});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("ppo", b.length(),
                (end, begin, count, out) -> core.ppo(0, end, b.close(), p.getInt(0), p.getInt(1), MAType.Sma, begin, count, out)));
    }
}
