package dev.candela.cpu.window;

import com.tictactec.ta.lib.MInteger;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibOutputs;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

/** The compliance kit for obv against TA-Lib's OBV on the close. */
class OnBalanceVolumeTest extends IndicatorKit {

    @Override
    protected Indicator indicator() {
        return new OnBalanceVolume();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[0]);
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> {
            int n = b.length();
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            double[] out = new double[n];
            TaLibOutputs.check("OBV", core.obv(0, n - 1, b.close(), b.volume(), begin, count, out));
            return new double[][] {TaLibOutputs.place(n, begin, count, out)};
        });
    }
}
