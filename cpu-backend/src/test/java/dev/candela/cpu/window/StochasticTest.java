package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.MAType;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for stoch(fastk, slowk, slowd) against TA-Lib's STOCH with SMA smoothing. */
class StochasticTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new Stochastic();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {5, 3, 3}, new double[] {14, 1, 5}, new double[] {40, 7, 2});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> {
            int n = b.length();
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            double[] k = new double[n];
            double[] d = new double[n];
            TaLibOutputs.check("STOCH", core.stoch(0, n - 1, b.high(), b.low(), b.close(), p.getInt(0), p.getInt(1), MAType.Sma, p.getInt(2), MAType.Sma, begin, count, k, d));
            return new double[][] {TaLibOutputs.place(n, begin, count, k), TaLibOutputs.place(n, begin, count, d)};
        });
    }
}
