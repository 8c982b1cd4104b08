package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for midpoint(period) on the close against TA-Lib's MIDPOINT. */
class MidPointTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new MidPoint();
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
            TaLibOutputs.check("MIDPOINT", core.midPoint(0, n - 1, b.close(), p.getInt(0), begin, count, out));
            return new double[][] {TaLibOutputs.place(n, begin, count, out)};
        });
    }
}
