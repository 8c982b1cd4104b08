package dev.candela.cpu.kernel;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every stream of this package against the batch kernel it mirrors, including a save and restore midway. */
class StreamsTest {
    private static final int LEN = 3_000;

    private static double[] randomWalk(long seed) {
        Random random = new Random(seed);
        double[] x = new double[LEN];
        double price = 1_000;
        for (int i = 0; i < LEN; i++) {
            price += random.nextGaussian();
            x[i] = price;
        }
        return x;
    }

    /** A stream as the test sees it: push a value, get the current output; save and restore. */
    private interface Probe {
        double push(double x);

        void save(InMemoryState state);

        void restore(InMemoryState state);
    }

    private static void assertStreamEqualsBatch(double[] batch, double[] x, IntFunction<Probe> fresh, int cut) {
        double[] streamed = new double[x.length];
        Probe first = fresh.apply(0);
        for (int i = 0; i < cut; i++) {
            streamed[i] = first.push(x[i]);
        }
        InMemoryState saved = new InMemoryState();
        first.save(saved);
        Probe second = fresh.apply(0);
        second.restore(saved);
        for (int i = cut; i < x.length; i++) {
            streamed[i] = second.push(x[i]);
        }
        assertArrayEquals(batch, streamed, "cut at " + cut);
    }

    private static void check(double[] batch, double[] x, IntFunction<Probe> fresh) {
        for (int cut : new int[] {0, 1, 57, LEN / 2, LEN}) {
            assertStreamEqualsBatch(batch, x, fresh, cut);
        }
    }

    private static Probe probe(DoubleUnaryOperator push, java.util.function.Consumer<InMemoryState> save,
                               java.util.function.Consumer<InMemoryState> restore) {
        return new Probe() {
            @Override
            public double push(double x) {
                return push.applyAsDouble(x);
            }

            @Override
            public void save(InMemoryState state) {
                save.accept(state);
            }

            @Override
            public void restore(InMemoryState state) {
                restore.accept(state);
            }
        };
    }

    @Test
    void smaStreamEqualsSmaKernelBitForBit() {
        double[] x = randomWalk(1);
        for (int period : new int[] {1, 2, 30}) {
            double[] batch = new double[LEN];
            MovingAverages.sma(x, 0, batch, 0, LEN, period);
            check(batch, x, ignored -> {
                SmaStream s = new SmaStream(period);
                return probe(s::push, st -> s.save(st, "s"), st -> s.restore(st, "s"));
            });
        }
    }

    @Test
    void emaStreamEqualsEmaKernelAndSkippingEqualsTheSeededKernel() {
        double[] x = randomWalk(2);
        for (int period : new int[] {1, 2, 30}) {
            double[] batch = new double[LEN];
            MovingAverages.ema(x, 0, batch, 0, LEN, period);
            check(batch, x, ignored -> {
                EmaStream s = new EmaStream(period);
                return probe(s::push, st -> s.save(st, "e"), st -> s.restore(st, "e"));
            });
        }
        // MACD's fast EMA: period 12 seeded over bars 14..25.
        double[] seeded = new double[LEN];
        MovingAverages.emaSeeded(x, 0, seeded, 0, LEN, 14, 25, MovingAverages.emaFactor(12));
        check(seeded, x, ignored -> {
            EmaStream s = new EmaStream(12, 14);
            return probe(s::push, st -> s.save(st, "e"), st -> s.restore(st, "e"));
        });
    }

    @Test
    void smaByChangesStreamEqualsItsKernelBitForBitAndKeepsItsOwnStateKey() {
        double[] x = randomWalk(4);
        for (int period : new int[] {2, 3, 30}) {
            double[] batch = new double[LEN];
            MovingAverages.smaByChanges(x, 0, batch, 0, LEN, period);
            check(batch, x, ignored -> {
                SmaStream s = SmaStream.byChanges(period);
                return probe(s::push, st -> s.save(st, "s"), st -> s.restore(st, "s"));
            });
        }
        // The two forms hold different sums: a state of one is not read as the other.
        InMemoryState state = new InMemoryState();
        new SmaStream(5).save(state, "s");
        assertThrows(RuntimeException.class, () -> SmaStream.byChanges(5).restore(state, "s"));
    }

    @Test
    void weightedEmaStreamEqualsItsKernelBitForBit() {
        double[] x = randomWalk(5);
        for (int period : new int[] {2, 30}) {
            double[] batch = new double[LEN];
            MovingAverages.emaWeighted(x, 0, batch, 0, LEN, period);
            check(batch, x, ignored -> {
                EmaStream s = EmaStream.weighted(period);
                return probe(s::push, st -> s.save(st, "e"), st -> s.restore(st, "e"));
            });
        }
    }

    @Test
    void wmaStreamEqualsWmaKernelBitForBit() {
        double[] x = randomWalk(3);
        for (int period : new int[] {1, 2, 30}) {
            double[] batch = new double[LEN];
            MovingAverages.wma(x, 0, batch, 0, LEN, period);
            check(batch, x, ignored -> {
                WmaStream s = new WmaStream(period);
                return probe(s::push, st -> s.save(st, "w"), st -> s.restore(st, "w"));
            });
        }
    }

    @Test
    void rollingMomentsStreamEqualsTheBlockedKernelBitForBit() {
        double[] x = randomWalk(4);
        for (int period : new int[] {1, 2, 30}) {
            double[] mean = new double[LEN];
            double[] variance = new double[LEN];
            RollingMoments.meanAndVariance(x, 0, mean, variance, 0, LEN, period);
            check(variance, x, ignored -> {
                RollingMomentsStream s = new RollingMomentsStream(period);
                return probe(s::push, st -> s.save(st, "m"), st -> s.restore(st, "m"));
            });
            check(mean, x, ignored -> {
                RollingMomentsStream s = new RollingMomentsStream(period);
                return probe(v -> {
                    s.push(v);
                    return s.mean();
                }, st -> s.save(st, "m"), st -> s.restore(st, "m"));
            });
        }
    }

    @Test
    void readinessFollowsTheWarmUp() {
        SmaStream sma = new SmaStream(3);
        EmaStream fast = new EmaStream(2, 3);
        for (int i = 0; i < 4; i++) {
            assertFalse(fast.ready(), "fast EMA before its seed window ends, value " + i);
            if (i < 3) {
                assertFalse(sma.ready(), "SMA after " + i + " values");
            }
            sma.push(i);
            fast.push(i);
        }
        assertTrue(sma.ready());
        fast.push(4);
        assertTrue(fast.ready());
    }

    @Test
    void restoreRejectsAStateOfAnotherPeriod() {
        InMemoryState state = new InMemoryState();
        new SmaStream(5).save(state, "s");
        assertThrows(IllegalStateException.class, () -> new SmaStream(6).restore(state, "s"));
        new WmaStream(5).save(state, "w");
        assertThrows(IllegalStateException.class, () -> new WmaStream(4).restore(state, "w"));
        new RollingMomentsStream(5).save(state, "m");
        assertThrows(IllegalStateException.class, () -> new RollingMomentsStream(7).restore(state, "m"));
    }

    @Test
    void constructorsRejectPeriodsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new SmaStream(0));
        assertThrows(IllegalArgumentException.class, () -> new EmaStream(0));
        assertThrows(IllegalArgumentException.class, () -> new EmaStream(3, -1));
        assertThrows(IllegalArgumentException.class, () -> new WmaStream(0));
        assertThrows(IllegalArgumentException.class, () -> new RollingMomentsStream(0));
    }
}
