package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for aroon(period) against TA-Lib's AROON, down then up. */
class AroonTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new Aroon();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {14}, new double[] {2}, new double[] {100});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> {
            int n = b.length();
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            double[] down = new double[n];
            double[] up = new double[n];
            TaLibOutputs.check("AROON", core.aroon(0, n - 1, b.high(), b.low(), p.getInt(0), begin, count, down, up));
            return new double[][] {TaLibOutputs.place(n, begin, count, down), TaLibOutputs.place(n, begin, count, up)};
        });
    }
}
