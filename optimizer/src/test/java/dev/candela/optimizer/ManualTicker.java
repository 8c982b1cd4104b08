package dev.candela.optimizer;

/** A clock that moves only when told to, so that timings in tests are exact. */
final class ManualTicker implements RecordingProfiler.Ticker {
    private long now;

    @Override
    public long read() {
        return now;
    }

    void advance(long nanos) {
        now += nanos;
    }
}
