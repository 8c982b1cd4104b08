package dev.candela.cpu.kernel;

/**
 * The typical price {@code (high + low + close) / 3}, summed in this order as TA-Lib does, behind CCI, MFI
 * and the VWAPs.
 */
public final class TypicalPrice {
    private TypicalPrice() {
    }

    /** The typical price of one bar. */
    public static double of(double high, double low, double close) {
        return (high + low + close) / 3;
    }

    /** The typical price of every bar into {@code out[outOff, outOff + len)}; never allocates. */
    public static void series(double[] high, int hOff, double[] low, int lOff, double[] close, int cOff, double[] out,
                              int outOff, int len) {
        int h = hOff - outOff;
        int l = lOff - outOff;
        int c = cOff - outOff;
        for (int j = outOff; j < outOff + len; j++) {
            out[j] = of(high[h + j], low[l + j], close[c + j]);
        }
    }
}
