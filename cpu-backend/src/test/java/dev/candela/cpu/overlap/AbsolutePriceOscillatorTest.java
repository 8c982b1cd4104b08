package dev.candela.cpu.overlap;

import com.tictactec.ta.lib.MAType;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class AbsolutePriceOscillatorTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new AbsolutePriceOscillator();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {12, 26}, new double[] {26, 12}, new double[] {2, 100});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("apo", b.length(),
                (end, begin, count, out) -> core.apo(0, end, b.close(), p.getInt(0), p.getInt(1), MAType.Sma, begin, count, out)));
    }
}
