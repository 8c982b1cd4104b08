package dev.candela.cpu.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingExtremeWindowTest {

    /** Small integers (many ties) with an occasional missing value. */
    private static double[] tiedSeriesWithGaps(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] in = new double[length];
        for (int i = 0; i < length; i++) {
            in[i] = random.nextInt(40) == 0 ? Double.NaN : random.nextInt(5) - 2;
        }
        return in;
    }

    @Test
    void equalsTheBatchKernelsIncludingTiesAndGaps() {
        double[] in = tiedSeriesWithGaps(11, 800);
        for (int window : new int[] {1, 2, 5, 33}) {
            double[] max = new double[in.length];
            double[] min = new double[in.length];
            double[] sinceMax = new double[in.length];
            double[] sinceMin = new double[in.length];
            RollingExtremes.max(in, 0, max, 0, in.length, window);
            RollingExtremes.min(in, 0, min, 0, in.length, window);
            RollingExtremes.barsSinceMax(in, 0, sinceMax, 0, in.length, window);
            RollingExtremes.barsSinceMin(in, 0, sinceMin, 0, in.length, window);
            RollingExtremeWindow up = RollingExtremeWindow.max(window);
            RollingExtremeWindow down = RollingExtremeWindow.min(window);
            for (int i = 0; i < in.length; i++) {
                up.push(in[i]);
                down.push(in[i]);
                assertEquals(max[i], up.extreme(), "max, window " + window + ", bar " + i);
                assertEquals(min[i], down.extreme(), "min, window " + window + ", bar " + i);
                assertEquals(sinceMax[i], up.barsSinceExtreme(), "since max, window " + window + ", bar " + i);
                assertEquals(sinceMin[i], down.barsSinceExtreme(), "since min, window " + window + ", bar " + i);
            }
        }
    }

    @Test
    void isFullOnceItHasSeenAWholeWindow() {
        RollingExtremeWindow w = RollingExtremeWindow.max(3);
        w.push(5);
        w.push(9);
        assertFalse(w.isFull());
        assertTrue(Double.isNaN(w.extreme()));
        w.push(1);
        assertTrue(w.isFull());
        assertEquals(9, w.extreme());
        assertEquals(1, w.barsSinceExtreme());
        assertEquals(3, w.count());
    }

    @Test
    void aRestoredWindowContinuesLikeTheUninterruptedOne() {
        double[] in = tiedSeriesWithGaps(5, 300);
        for (int cut : new int[] {0, 1, 6, 7, 150, 299}) {
            RollingExtremeWindow uninterrupted = RollingExtremeWindow.min(7);
            RollingExtremeWindow first = RollingExtremeWindow.min(7);
            for (int i = 0; i < cut; i++) {
                uninterrupted.push(in[i]);
                first.push(in[i]);
            }
            InMemoryState saved = new InMemoryState();
            first.save(saved, "low");
            RollingExtremeWindow second = RollingExtremeWindow.min(7);
            second.restore(saved, "low");
            assertEquals(cut, second.count());
            for (int i = cut; i < in.length; i++) {
                uninterrupted.push(in[i]);
                second.push(in[i]);
                assertEquals(uninterrupted.extreme(), second.extreme(), "cut " + cut + ", bar " + i);
                assertEquals(uninterrupted.barsSinceExtreme(), second.barsSinceExtreme(), "cut " + cut + ", bar " + i);
            }
        }
    }

    @Test
    void restoreRejectsAStateThatDoesNotFitTheWindow() {
        RollingExtremeWindow big = RollingExtremeWindow.max(10);
        for (int i = 0; i < 10; i++) {
            big.push(10 - i);
        }
        InMemoryState saved = new InMemoryState();
        big.save(saved, "high");
        assertThrows(IllegalStateException.class, () -> RollingExtremeWindow.max(3).restore(saved, "high"));
        saved.replace("high.ages", new double[] {2.5, 1, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(IllegalStateException.class, () -> RollingExtremeWindow.max(10).restore(saved, "high"));
    }

    @Test
    void rejectsAWindowBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> RollingExtremeWindow.min(0));
    }
}
