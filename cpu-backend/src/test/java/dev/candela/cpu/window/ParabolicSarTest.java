package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for sar(acceleration, maximum) against TA-Lib's SAR, including an acceleration above the maximum. */
class ParabolicSarTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new ParabolicSar();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {0.02, 0.2}, new double[] {0.05, 0.5}, new double[] {0.3, 0.1});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> {
            int n = b.length();
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            double[] out = new double[n];
            TaLibOutputs.check("SAR", core.sar(0, n - 1, b.high(), b.low(), p.get(0), p.get(1), begin, count, out));
            return new double[][] {TaLibOutputs.place(n, begin, count, out)};
        });
    }
}
