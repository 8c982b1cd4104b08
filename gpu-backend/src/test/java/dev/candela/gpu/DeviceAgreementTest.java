package dev.candela.gpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceAgreementTest {
    private static final double NAN = Double.NaN;

    @Test
    void agreesWithinOneBillionthRelativeWithAFloorOfOne() {
        double[] close = {100, 100, 100};
        assertTrue(DeviceAgreement.compare(new double[] {NAN, 1e6 + 9e-4, 0.5 + 9e-10},
                new double[] {NAN, 1e6, 0.5}, close, 0).agrees());

        DeviceAgreement.Worst worst = DeviceAgreement.compare(new double[] {NAN, 1e6 + 2e-3, 0.5},
                new double[] {NAN, 1e6, 0.5}, close, 0);
        assertFalse(worst.agrees());
        assertEquals(1, worst.bar());
        assertEquals(2.0, worst.ratio(), 1e-6);
    }

    @Test
    void aNanAgainstAValueNeverAgrees() {
        DeviceAgreement.Worst worst = DeviceAgreement.compare(new double[] {1, NAN}, new double[] {1, 2},
                new double[] {1, 1}, 0);
        assertEquals(Double.POSITIVE_INFINITY, worst.ratio());
        assertEquals(1, worst.bar());
    }

    @Test
    void deviationsMayDifferByTheOnePassPrecisionOfThePrice() {
        double[] close = {28_000, 28_000};
        // 0.009 where TA-Lib's running sums leave a flat window's deviation non-zero: within 2 * 1e-6 * 28,000.
        assertTrue(DeviceAgreement.compare(new double[] {0, 5.0}, new double[] {0.009, 5.0}, close, 2).agrees());
        assertFalse(DeviceAgreement.compare(new double[] {0, 5.0}, new double[] {0.009, 5.0}, close, 0).agrees());
        assertFalse(DeviceAgreement.compare(new double[] {0, 5.0}, new double[] {0.06, 5.0}, close, 2).agrees());
    }
}
