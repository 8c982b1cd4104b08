package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;

import java.util.List;
import java.util.Optional;

class UltimateOscillatorTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new UltimateOscillator();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {7, 14, 28}, new double[] {28, 1, 9}, new double[] {3, 3, 5});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.single("ultOsc", b.length(),
                (end, begin, count, out) -> core.ultOsc(0, end, b.high(), b.low(), b.close(), p.getInt(0), p.getInt(1),
                        p.getInt(2), begin, count, out)));
    }
}
