package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for adosc(fast, slow) against TA-Lib's ADOSC, including a fast period longer than the slow one. */
class ChaikinOscillatorTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new ChaikinOscillator();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {3, 10}, new double[] {10, 3}, new double[] {2, 30});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> {
            int n = b.length();
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            double[] out = new double[n];
            TaLibOutputs.check("ADOSC", core.adOsc(0, n - 1, b.high(), b.low(), b.close(), b.volume(), p.getInt(0), p.getInt(1), begin, count, out));
            return new double[][] {TaLibOutputs.place(n, begin, count, out)};
        });
    }
}
