package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.TaLibZero;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code cmo(period)}: Chande Momentum Oscillator of the close as TA-Lib 0.4.0 computes it, lookback
 * {@code period}. TA-Lib smooths the gains and losses exactly like RSI (Wilder's averages, not Chande's
 * plain sums), and the value is {@code 100 * (gain - loss) / (gain + loss)}, 0 when the sum is zero within
 * 1e-8. The smoothing divides by the period exactly as TA-Lib does, so values are TA-Lib's bit for bit: CMO
 * subtracts two averages of similar size, which would magnify any difference in their last bits.
 */
final class ChandeMomentumOscillator extends CpuIndicator {

    ChandeMomentumOscillator() {
        super("cmo", Category.MOMENTUM, "Chande Momentum Oscillator", EnumSet.of(PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, MomentumIndicators.MAX_PERIOD, "number of close-to-close differences"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        WilderMoves.exactSeries(close.array(), close.offset(), out.array(0, symbol), 0, bars.barCount(), p.getInt(0),
                WilderMoves.Ratio.MOMENTUM_OSCILLATOR);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new WilderMoves.RatioState(WilderMoves.exact(p.getInt(0)), WilderMoves.Ratio.MOMENTUM_OSCILLATOR, "cmo");
    }

    static double value(double gain, double loss) {
        double sum = gain + loss;
        return TaLibZero.isZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
    }
}
