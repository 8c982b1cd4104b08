package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for midprice(period) against TA-Lib's MIDPRICE. */
class MidPriceTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new MidPrice();
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
            double[] out = new double[n];
            TaLibOutputs.check("MIDPRICE", core.midPrice(0, n - 1, b.high(), b.low(), p.getInt(0), begin, count, out));
            return new double[][] {TaLibOutputs.place(n, begin, count, out)};
        });
    }
}
