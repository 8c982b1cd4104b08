package dev.candela.core.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalSumTest {

    @Test
    void findsTheFewestDecimalPlacesThatReadBackToTheValue() {
        assertEquals(0, DecimalSum.decimalPlaces(8312.0));
        assertEquals(1, DecimalSum.decimalPlaces(24934.2));
        assertEquals(6, DecimalSum.decimalPlaces(1189.651658));
        assertEquals(5, DecimalSum.decimalPlaces(-0.00001));
        assertEquals(12, DecimalSum.decimalPlaces(465.864013671875));
        assertEquals(-1, DecimalSum.decimalPlaces(1.0 / 3));
        assertEquals(-1, DecimalSum.decimalPlaces(1e16));
    }

    @Test
    void matchesTheExactDecimalSumOfRandomExchangeStyleValues() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 5_000; trial++) {
            int n = 1 + random.nextInt(120);
            int places = random.nextInt(9);
            double[] values = new double[n + 2];
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 1; i <= n; i++) {
                BigDecimal decimal = BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), places);
                values[i] = Double.parseDouble(decimal.toPlainString());
                exact = exact.add(decimal);
            }
            // Values outside [from, to) must be ignored.
            values[0] = 1e300;
            values[n + 1] = Double.NaN;
            assertEquals(exact.doubleValue(), DecimalSum.sum(values, 1, n + 1), "trial " + trial);
        }
    }

    @Test
    void fallsBackToACompensatedSumForValuesThatAreNoShortDecimals() {
        assertEquals(1.0, DecimalSum.sum(new double[] {1e16, 1.0, -1e16}, 0, 3));
        double third = 1.0 / 3;
        double expected = new BigDecimal(third).multiply(BigDecimal.valueOf(3)).doubleValue();
        assertEquals(expected, DecimalSum.sum(new double[] {third, third, third}, 0, 3));
    }

    @Test
    void letsNanAndInfinityThroughAsPlainAdditionWould() {
        assertEquals(Double.NaN, DecimalSum.sum(new double[] {1, Double.NaN}, 0, 2));
        assertEquals(Double.POSITIVE_INFINITY, DecimalSum.sum(new double[] {1, Double.POSITIVE_INFINITY}, 0, 2));
        assertEquals(0.0, DecimalSum.sum(new double[] {5}, 0, 0));
    }
}
