package dev.candela.gpu;

/**
 * When a device result counts as equal to a TA-Lib-exact CPU result, bar by bar:
 * {@code |device - reference| <= 1e-9 * max(1, |reference|)}, plus, for outputs that are {@code m} rolling
 * standard deviations computed where the backend cannot replay TA-Lib's rounding, {@code m * 1e-6 * |close|}.
 * Warm-up bars must be NaN in both.
 *
 * <p>The extra term is the precision of TA-Lib's deviations, not of the device's: TA-Lib keeps running
 * sums of values and squares over the whole series and takes {@code sumSq / n - mean^2}, whose rounding
 * piles up (about {@code 1e-13} of the squared price on BTC minute bars); where the true variance is near
 * zero (flat or nearly flat windows) that leaves the deviation off by up to about {@code 3e-7} of the
 * price, which the {@code 1e-6} allows for with room. In double precision on nd4j-native the device replays
 * TA-Lib's sums bit for bit and its kernels report a multiplier of 0 (see
 * {@link dev.candela.gpu.kernel.DeviceKernel#deviationMultiplier}), so every output is held to {@code 1e-9};
 * on CUDA, whose prefix sum adds in a tree, the device sums each window afresh, equals exact arithmetic within
 * {@code 1e-9}, and the extra term applies.
 */
public final class DeviceAgreement {
    /** The relative tolerance of every output. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    /** The added tolerance of a standard deviation output, per unit of multiplier, relative to the close. */
    public static final double DEVIATION_TOLERANCE_OF_PRICE = 1e-6;

    private DeviceAgreement() {
    }

    /**
     * The worst bar of one output column.
     *
     * @param ratio     {@code |device - reference| / allowed}; at most 1 when the column agrees, infinite where
     *                  one value is NaN and the other is not
     * @param bar       the bar of the worst ratio, -1 when every bar is equal
     * @param device    the device's value there
     * @param reference the reference value there
     */
    public record Worst(double ratio, int bar, double device, double reference) {
        public boolean agrees() {
            return ratio <= 1.0;
        }
    }

    /**
     * Compares one column of one symbol.
     *
     * @param close               the symbol's closes, the price level for deviation outputs
     * @param deviationMultiplier how many standard deviations the output is (0 for other outputs)
     */
    public static Worst compare(double[] device, double[] reference, double[] close, double deviationMultiplier) {
        if (device.length != reference.length || close.length != reference.length) {
            throw new IllegalArgumentException("lengths differ: " + device.length + ", " + reference.length + ", "
                    + close.length);
        }
        Worst worst = new Worst(0.0, -1, Double.NaN, Double.NaN);
        for (int i = 0; i < reference.length; i++) {
            double d = device[i];
            double r = reference[i];
            double ratio;
            if (Double.isNaN(d) || Double.isNaN(r)) {
                ratio = Double.isNaN(d) == Double.isNaN(r) ? 0.0 : Double.POSITIVE_INFINITY;
            } else {
                double allowed = RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(r))
                        + Math.abs(deviationMultiplier) * DEVIATION_TOLERANCE_OF_PRICE * Math.abs(close[i]);
                ratio = Math.abs(d - r) / allowed;
            }
            if (ratio > worst.ratio() || (worst.bar() < 0 && ratio > 0)) {
                worst = new Worst(ratio, i, d, r);
            }
        }
        return worst;
    }
}
