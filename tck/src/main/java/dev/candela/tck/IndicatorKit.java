package dev.candela.tck;

import com.tictactec.ta.lib.Core;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.state.IndicatorStateJson;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The compliance kit every indicator implementation extends, first-party or plugin: metadata, NaN
 * warm-up and lookback, agreement with TA-Lib on real market data (where TA-Lib has the function),
 * batch equals streaming, saved state restores exactly, determinism, thread safety, many symbols equal
 * each symbol alone, and no look-ahead (truncating the input never changes earlier outputs).
 *
 * <p>A subclass names the indicator, the parameter sets to check and, optionally, the TA-Lib call.
 */
public abstract class IndicatorKit {

    /** The implementation under test. */
    protected abstract Indicator indicator();

    /** Argument lists to check, e.g. {@code {14}, {2}, {50}}; defaults to the default parameters. */
    protected List<double[]> parameterSets() {
        return List.of(new double[0]);
    }

    /** The TA-Lib computation of the same indicator, when TA-Lib has it. */
    protected Optional<TaLibReference> taLib() {
        return Optional.empty();
    }

    /** Relative tolerance against TA-Lib (absolute below 1.0). */
    protected double taLibTolerance() {
        return 1e-9;
    }

    /** Relative tolerance of streaming against batch, and of a restored state. */
    protected double streamingTolerance() {
        return 1e-12;
    }

    /**
     * Whether an output may be {@code NaN} after the lookback on gap-free data (e.g. a ratio whose
     * denominator is zero on flat bars). Defaults to false: every value after the lookback is finite.
     */
    protected boolean allowsNaNAfterLookback() {
        return false;
    }

    private List<Parameters> bound() {
        return parameterSets().stream().map(a -> indicator().bind(a)).toList();
    }

    private ResolvedIndicator resolved(Parameters p) {
        return new ResolvedIndicator(indicator(), p);
    }

    private static double[][] compute(Indicator ind, Parameters p, BarBatch bars) {
        IndicatorOutput out = IndicatorOutput.allocate(ind.outputs().size(), bars.symbolCount(), bars.barCount());
        for (int k = 0; k < out.outputCount(); k++) {
            for (int s = 0; s < out.symbolCount(); s++) {
                java.util.Arrays.fill(out.array(k, s), 12345.678); // a value compute must overwrite
            }
        }
        ind.compute(p, bars, out);
        double[][] single = new double[out.outputCount()][];
        for (int k = 0; k < single.length; k++) {
            single[k] = out.array(k, 0);
        }
        return single;
    }

    private static double[][] stream(Indicator ind, Parameters p, OhlcvSeries s) {
        int outputs = ind.outputs().size();
        double[][] out = new double[outputs][s.size()];
        IndicatorState state = ind.newState(p);
        feed(state, s, 0, s.size(), out);
        return out;
    }

    private static void feed(IndicatorState state, OhlcvSeries s, int from, int to, double[][] out) {
        double[] o = s.column(PriceField.OPEN).toArray();
        double[] h = s.column(PriceField.HIGH).toArray();
        double[] l = s.column(PriceField.LOW).toArray();
        double[] c = s.column(PriceField.CLOSE).toArray();
        double[] v = s.column(PriceField.VOLUME).toArray();
        for (int i = from; i < to; i++) {
            state.update(s.timestamp(i), o[i], h[i], l[i], c[i], v[i]);
            for (int k = 0; k < out.length; k++) {
                out[k][i] = state.value(k);
            }
        }
    }

    private static TaLibReference.Bars arrays(OhlcvSeries s) {
        return new TaLibReference.Bars(s.column(PriceField.OPEN).toArray(), s.column(PriceField.HIGH).toArray(),
                s.column(PriceField.LOW).toArray(), s.column(PriceField.CLOSE).toArray(),
                s.column(PriceField.VOLUME).toArray());
    }

    private void assertSeries(String what, double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + ": output count");
        for (int k = 0; k < expected.length; k++) {
            int at = Tolerance.firstMismatch(expected[k], actual[k], tolerance);
            if (at >= 0) {
                fail(Tolerance.describe(what + " output '" + indicator().outputs().get(k) + "'", expected[k], actual[k], at));
            }
        }
    }

    private String label(Parameters p) {
        return resolved(p).spec();
    }

    // ---------------------------------------------------------------- metadata

    @Test
    void describesItselfConsistently() {
        Indicator ind = indicator();
        assertTrue(ind.id().matches("[a-z][a-z0-9_]*"), "id must be lower-case letters, digits, '_': " + ind.id());
        assertFalse(ind.inputs().isEmpty(), "inputs");
        assertFalse(ind.outputs().isEmpty(), "outputs");
        assertEquals(ind.outputs().size(), new HashSet<>(ind.outputs()).size(), "output names must be unique");
        Set<String> names = new HashSet<>();
        for (ParameterSpec spec : ind.parameters()) {
            assertTrue(names.add(spec.name()), "duplicate parameter " + spec.name());
        }
        Parameters defaults = Parameters.defaults(ind.parameters());
        assertTrue(ind.lookback(defaults) >= 0, "lookback of the defaults");
        for (Parameters p : bound()) {
            assertTrue(ind.lookback(p) >= 0, "lookback of " + label(p));
        }
    }

    // ---------------------------------------------------------------- warm-up

    @TestFactory
    Stream<DynamicTest> warmUpIsNaNAndLookbackIsExact() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Parameters p : bound()) {
            tests.add(DynamicTest.dynamicTest(label(p), () -> {
                OhlcvSeries s = MarketDataSets.synthetic();
                double[][] out = compute(indicator(), p, s);
                int lookback = indicator().lookback(p);
                for (int k = 0; k < out.length; k++) {
                    for (int i = 0; i < Math.min(lookback, s.size()); i++) {
                        assertTrue(Double.isNaN(out[k][i]), label(p) + " output " + k + " bar " + i + " before lookback "
                                + lookback + " must be NaN, was " + out[k][i]);
                    }
                    if (lookback < s.size()) {
                        assertFalse(Double.isNaN(out[k][lookback]),
                                label(p) + " output " + k + " must have a value at its lookback " + lookback);
                    }
                    if (!allowsNaNAfterLookback()) {
                        for (int i = lookback; i < s.size(); i++) {
                            assertTrue(Double.isFinite(out[k][i]), label(p) + " output " + k + " bar " + i + " is " + out[k][i]);
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void seriesShorterThanTheLookbackAreAllNaN() {
        for (Parameters p : bound()) {
            int lookback = indicator().lookback(p);
            if (lookback == 0) {
                continue;
            }
            OhlcvSeries s = MarketDataSets.synthetic().slice(0, Math.min(lookback, MarketDataSets.synthetic().size()));
            double[][] out = compute(indicator(), p, s);
            for (double[] o : out) {
                for (double v : o) {
                    assertTrue(Double.isNaN(v), label(p) + ": a series of " + s.size() + " bars has no value");
                }
            }
        }
    }

    // ---------------------------------------------------------------- TA-Lib

    @TestFactory
    Stream<DynamicTest> agreesWithTaLibOnRealData() {
        Assumptions.assumeTrue(taLib().isPresent(), indicator().id() + " has no TA-Lib counterpart");
        List<OhlcvSeries> real = MarketDataSets.real();
        Assumptions.assumeFalse(real.isEmpty(), "no real market data found (shared/data beside the project)");
        TaLibReference reference = taLib().orElseThrow();
        Core core = new Core();
        List<DynamicTest> tests = new ArrayList<>();
        for (Parameters p : bound()) {
            for (OhlcvSeries s : real) {
                tests.add(DynamicTest.dynamicTest(label(p) + " on " + s.symbol(), () -> {
                    double[][] expected = reference.compute(core, p, arrays(s));
                    assertSeries(label(p) + " vs TA-Lib on " + s.symbol(), expected, compute(indicator(), p, s),
                            taLibTolerance());
                }));
            }
        }
        return tests.stream();
    }

    // ---------------------------------------------------------------- streaming

    @TestFactory
    Stream<DynamicTest> streamingEqualsBatch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Parameters p : bound()) {
            for (OhlcvSeries s : MarketDataSets.realOrSynthetic()) {
                tests.add(DynamicTest.dynamicTest(label(p) + " on " + s.symbol(), () ->
                        assertSeries(label(p) + " streaming vs batch on " + s.symbol(), compute(indicator(), p, s),
                                stream(indicator(), p, s), streamingTolerance())));
            }
        }
        return tests.stream();
    }

    @Test
    void restoredStateContinuesLikeTheUninterruptedOne() {
        OhlcvSeries s = MarketDataSets.synthetic();
        for (Parameters p : bound()) {
            ResolvedIndicator r = resolved(p);
            double[][] uninterrupted = stream(indicator(), p, s);
            int outputs = indicator().outputs().size();
            for (int cut : new int[] {0, 1, indicator().lookback(p), s.size() / 3, s.size() - 1}) {
                if (cut < 0 || cut > s.size()) {
                    continue;
                }
                double[][] out = new double[outputs][s.size()];
                IndicatorState first = indicator().newState(p);
                feed(first, s, 0, cut, out);
                IndicatorState second = IndicatorStateJson.restore(r, IndicatorStateJson.save(r, first));
                assertEquals(cut, second.barsSeen(), "bars seen after restore");
                feed(second, s, cut, s.size(), out);
                assertSeries(label(p) + " restored at bar " + cut, uninterrupted, out, streamingTolerance());
            }
        }
    }

    // ---------------------------------------------------------------- invariants

    @Test
    void isDeterministic() {
        OhlcvSeries s = MarketDataSets.synthetic();
        for (Parameters p : bound()) {
            assertSeries(label(p) + " run twice", compute(indicator(), p, s), compute(indicator(), p, s), 0);
        }
    }

    @Test
    void manySymbolsEqualEachSymbolAlone() {
        List<OhlcvSeries> symbols = MarketDataSets.syntheticSymbols();
        SymbolBatch batch = SymbolBatch.align(symbols);
        for (Parameters p : bound()) {
            IndicatorOutput out = IndicatorOutput.allocate(indicator().outputs().size(), batch.symbolCount(), batch.barCount());
            indicator().compute(p, batch, out);
            for (int s = 0; s < symbols.size(); s++) {
                double[][] alone = compute(indicator(), p, symbols.get(s));
                double[][] inBatch = new double[alone.length][];
                for (int k = 0; k < alone.length; k++) {
                    inBatch[k] = out.array(k, s);
                }
                assertSeries(label(p) + " symbol " + s + " in a batch", alone, inBatch, 0);
            }
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        OhlcvSeries s = MarketDataSets.synthetic();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Parameters p : bound()) {
                double[][] expected = compute(indicator(), p, s);
                List<Callable<double[][]>> jobs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    jobs.add(() -> compute(indicator(), p, s));
                }
                for (Future<double[][]> f : pool.invokeAll(jobs)) {
                    assertSeries(label(p) + " computed concurrently", expected, f.get(), 0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void truncatingTheInputNeverChangesEarlierOutputs() {
        OhlcvSeries s = MarketDataSets.synthetic();
        for (Parameters p : bound()) {
            double[][] full = compute(indicator(), p, s);
            for (int cut : new int[] {1, indicator().lookback(p) + 1, s.size() / 4, s.size() / 2, s.size() - 1}) {
                if (cut < 1 || cut > s.size()) {
                    continue;
                }
                double[][] prefix = compute(indicator(), p, s.slice(0, cut));
                double[][] head = new double[full.length][];
                for (int k = 0; k < full.length; k++) {
                    head[k] = java.util.Arrays.copyOf(full[k], cut);
                }
                assertSeries(label(p) + " cut at bar " + cut + " (look-ahead)", head, prefix, streamingTolerance());
            }
        }
    }
}
