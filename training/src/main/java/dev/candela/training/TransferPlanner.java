package dev.candela.training;

import java.util.OptionalLong;

/**
 * Decides how a model moves to the next bucket, from an estimate of its bytes and a memory reading.
 *
 * <p>A full transfer keeps the updater state (Adam's moments): the previous model, the new one and both
 * updater states are alive at once, so it needs {@code 2 * (parameters + updater)} bytes times the
 * headroom. A parameters-only transfer starts the new model with a fresh updater state and needs
 * {@code 2 * parameters + updater}. The smallest free pool among off-heap and device memory (where the
 * arrays live) and the heap (where DL4J's configuration copies and serialisation buffers live, a
 * parameters' worth) must cover the need. When even the lean path does not fit, the caller releases caches
 * and asks again before giving up.
 */
final class TransferPlanner {

    /** The two ways to transfer. */
    enum Mode {
        FULL("full"), PARAMETERS_ONLY("parameters-only");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /**
     * A decision.
     *
     * @param mode      how to transfer, or {@code null} when not even the lean path fits
     * @param needBytes bytes the chosen (or, when none fits, the lean) path needs, headroom included
     * @param freeBytes the smallest free pool that must hold them
     * @param reason    the numbers, in words
     */
    record Decision(Mode mode, long needBytes, long freeBytes, String reason) {
        boolean fits() {
            return mode != null;
        }
    }

    private TransferPlanner() {
    }

    static Decision decide(long parameterBytes, long updaterBytes, double headroom, MemoryGauge.Reading reading) {
        long full = (long) Math.ceil(2.0 * (parameterBytes + updaterBytes) * headroom);
        long lean = (long) Math.ceil((2.0 * parameterBytes + updaterBytes) * headroom);
        long heapNeed = (long) Math.ceil(parameterBytes * headroom);
        long arrays = reading.offHeapFreeBytes();
        OptionalLong device = reading.deviceFreeBytes();
        if (device.isPresent()) {
            arrays = Math.min(arrays, device.getAsLong());
        }
        boolean heapOk = reading.heapFreeBytes() >= heapNeed;
        String numbers = "model " + parameterBytes + " B + updater " + updaterBytes + " B; free: heap "
                + reading.heapFreeBytes() + " B, off-heap " + reading.offHeapFreeBytes() + " B"
                + (device.isPresent() ? ", device " + device.getAsLong() + " B" : "");
        if (heapOk && arrays >= full) {
            return new Decision(Mode.FULL, full, arrays, numbers);
        }
        if (heapOk && arrays >= lean) {
            return new Decision(Mode.PARAMETERS_ONLY, lean, arrays,
                    "a full transfer needs " + full + " B; " + numbers);
        }
        return new Decision(null, lean, heapOk ? arrays : reading.heapFreeBytes(),
                "even a parameters-only transfer needs " + lean + " B (heap " + heapNeed + " B); " + numbers);
    }
}
