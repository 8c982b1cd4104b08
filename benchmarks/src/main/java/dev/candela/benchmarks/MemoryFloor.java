package dev.candela.benchmarks;

import dev.candela.spi.Column;

/**
 * The least work any indicator over the same arrays must do: read each input once and write each output
 * once. Its time per bar is the machine's memory-bandwidth floor for that shape of indicator, the score
 * no implementation can beat by computing faster.
 *
 * <p>The pass goes block by block: the inputs of a block are summed into a small buffer that stays in
 * the first-level cache, and the buffer is copied to every output, so main memory sees exactly one read
 * per input value and one write per output value, in streaming order. Instances own that buffer and are
 * confined to one thread.
 */
final class MemoryFloor {
    /** 16 KiB of doubles: fits a first-level data cache with room for the streams passing through. */
    private static final int BLOCK = 2048;

    private final double[] block = new double[BLOCK];

    /**
     * Writes the sum of the inputs at every position into every output.
     *
     * @param inputs  one or more views of at least {@code length} values
     * @param outputs arrays of at least {@code length} values, written from index 0
     * @return the last value written, so that callers can hand the pass a consumer
     */
    double readSumWrite(Column[] inputs, double[][] outputs, int length) {
        if (inputs.length == 0 || outputs.length == 0) {
            throw new IllegalArgumentException("a pass needs at least one input and one output");
        }
        for (int from = 0; from < length; from += BLOCK) {
            int count = Math.min(BLOCK, length - from);
            Column first = inputs[0];
            System.arraycopy(first.array(), first.offset() + from, block, 0, count);
            for (int k = 1; k < inputs.length; k++) {
                double[] in = inputs[k].array();
                int offset = inputs[k].offset() + from;
                for (int i = 0; i < count; i++) {
                    block[i] += in[offset + i];
                }
            }
            for (double[] out : outputs) {
                System.arraycopy(block, 0, out, from, count);
            }
        }
        return length == 0 ? 0 : outputs[outputs.length - 1][length - 1];
    }
}
