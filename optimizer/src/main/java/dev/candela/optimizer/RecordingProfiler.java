package dev.candela.optimizer;

import dev.candela.optimizer.report.SectionProfile;
import dev.candela.spi.Profiler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jdk.jfr.EventType;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Profiler} that records every scope: per section the calls, inclusive and self time, extremes and
 * an HdrHistogram of call durations; each call also as a JFR {@link SectionEvent} while a recording wants
 * it, and in a Micrometer registry when one is given. Thread-safe: scopes nest per thread, and each thread
 * keeps its own figures of a section (no shared counters on the hot path), which a snapshot adds up.
 */
final class RecordingProfiler implements Profiler {
    /** Micrometer timer of every section's calls, tagged {@code section}. */
    static final String TIMER_NAME = "candela.section";
    /** Micrometer counter of every section's self time in seconds, tagged {@code section}. */
    static final String SELF_TIME_NAME = "candela.section.self";

    private static final EventType EVENT_TYPE = EventType.getEventType(SectionEvent.class);

    private final ConcurrentHashMap<String, Section> sections = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final ThreadLocal<OpenScopes> open = ThreadLocal.withInitial(OpenScopes::new);
    private final MeterRegistry registry;
    private final Ticker ticker;

    /** @param registry where sections are also published; {@code null} for none */
    RecordingProfiler(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    RecordingProfiler(MeterRegistry registry, Ticker ticker) {
        this.registry = registry;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** The clock scopes are timed with: {@link System#nanoTime()}, or a scripted one in tests. */
    @FunctionalInterface
    interface Ticker {
        long read();
    }

    @Override
    public Scope scope(String name) {
        return section(name).open();
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    /** The section called {@code name}, created on first use; keeping it saves the lookup on every call. */
    Section section(String name) {
        Section s = sections.get(name);
        return s != null ? s : sections.computeIfAbsent(Objects.requireNonNull(name, "name"), this::newSection);
    }

    private Section newSection(String name) {
        Timer timer = null;
        if (registry != null) {
            timer = Timer.builder(TIMER_NAME).description("Calls of a profiled section, inclusive time")
                    .tag("section", name).register(registry);
        }
        Section section = new Section(name, nextId.getAndIncrement(), timer);
        if (registry != null) {
            FunctionCounter.builder(SELF_TIME_NAME, section, Section::selfSeconds)
                    .description("Time spent in a profiled section itself, without the sections it called")
                    .baseUnit("seconds").tag("section", name).register(registry);
        }
        return section;
    }

    /** Every section's figures so far, most self time first; shares are of all sections' self time. */
    List<SectionProfile> snapshot() {
        List<Section.Totals> totals = new ArrayList<>();
        long allSelf = 0;
        for (Section s : sections.values()) {
            Section.Totals t = s.totals();
            if (t.calls() > 0) {
                totals.add(t);
                allSelf += t.selfNanos();
            }
        }
        List<SectionProfile> out = new ArrayList<>(totals.size());
        for (Section.Totals t : totals) {
            out.add(t.profile(allSelf));
        }
        out.sort(Comparator.comparingLong(SectionProfile::selfNanos).reversed().thenComparing(SectionProfile::name));
        return out;
    }

    /**
     * The scopes open on one thread, innermost on top, and this thread's figures of each section it has
     * timed, indexed by section id so that a call finds them without a map lookup.
     */
    private static final class OpenScopes {
        final Thread owner = Thread.currentThread();
        OpenScope top;
        ThreadFigures[] figures = new ThreadFigures[16];

        ThreadFigures figures(Section section) {
            int id = section.id;
            if (id >= figures.length) {
                figures = Arrays.copyOf(figures, Math.max(id + 1, 2 * figures.length));
            }
            ThreadFigures f = figures[id];
            if (f == null) {
                f = new ThreadFigures();
                figures[id] = f;
                section.shards.add(f);
            }
            return f;
        }
    }

    /**
     * One thread's figures of one section, written by that thread alone, so a call costs no shared atomic
     * counters. The plain fields are written before the value goes to the recorder, whose writer-reader
     * phaser makes them visible to a reader that has taken the recorder's interval histogram.
     */
    private static final class ThreadFigures {
        final SingleWriterRecorder durations = new SingleWriterRecorder(2);
        long calls;
        long total;
        long self;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
    }

    /** A named section: the figures of every thread that timed it. */
    final class Section {
        private final String name;
        private final int id;
        private final Timer timer;
        private final List<ThreadFigures> shards = new CopyOnWriteArrayList<>();
        private final Histogram cumulative = new Histogram(2);

        private Section(String name, int id, Timer timer) {
            this.name = name;
            this.id = id;
            this.timer = timer;
        }

        RecordingProfiler owner() {
            return RecordingProfiler.this;
        }

        /** Opens a scope of this section on the calling thread. */
        Scope open() {
            OpenScopes thread = open.get();
            OpenScope parent = thread.top;
            boolean outermost = true;
            for (OpenScope s = parent; s != null; s = s.parent) {
                if (s.section == this) {
                    outermost = false;
                    break;
                }
            }
            SectionEvent event = null;
            if (EVENT_TYPE.isEnabled()) {
                event = new SectionEvent();
                event.section = name;
                event.begin();
            }
            OpenScope scope = new OpenScope(this, thread, parent, outermost, event, ticker.read());
            thread.top = scope;
            return scope;
        }

        void record(ThreadFigures f, long elapsed, long selfNanos, boolean outermost) {
            f.calls++;
            if (outermost) {
                f.total += elapsed;
            }
            f.self += selfNanos;
            if (elapsed < f.min) {
                f.min = elapsed;
            }
            if (elapsed > f.max) {
                f.max = elapsed;
            }
            f.durations.recordValue(elapsed);
            if (timer != null) {
                timer.record(elapsed, TimeUnit.NANOSECONDS);
            }
        }

        /** Self time recorded so far; exact once the recording threads have finished. */
        double selfSeconds() {
            long sum = 0;
            for (ThreadFigures f : shards) {
                sum += f.self;
            }
            return sum / 1e9;
        }

        synchronized Totals totals() {
            long calls = 0;
            long total = 0;
            long self = 0;
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (ThreadFigures f : shards) {
                // Taking the interval first makes every completed call's plain fields visible here.
                cumulative.add(f.durations.getIntervalHistogram());
                calls += f.calls;
                total += f.total;
                self += f.self;
                lo = Math.min(lo, f.min);
                hi = Math.max(hi, f.max);
            }
            return new Totals(name, calls, total, self, lo, hi,
                    clamp(cumulative.getValueAtPercentile(50), lo, hi),
                    clamp(cumulative.getValueAtPercentile(95), lo, hi),
                    clamp(cumulative.getValueAtPercentile(99), lo, hi));
        }

        private static long clamp(long value, long lo, long hi) {
            return Math.max(lo, Math.min(hi, value));
        }

        /** A consistent-enough view of one section, before shares are known. */
        private record Totals(String name, long calls, long totalNanos, long selfNanos, long minNanos, long maxNanos,
                              long p50, long p95, long p99) {
            SectionProfile profile(long allSelfNanos) {
                return new SectionProfile(name, calls, totalNanos, selfNanos, (double) totalNanos / calls, minNanos,
                        maxNanos, p50, p95, p99, allSelfNanos > 0 ? (double) selfNanos / allSelfNanos : 0);
            }
        }
    }

    /** One open call of a section. */
    private static final class OpenScope implements Scope {
        final Section section;
        final OpenScopes thread;
        final OpenScope parent;
        final boolean outermost;
        final SectionEvent event;
        final long start;
        long childNanos;
        boolean closed;

        OpenScope(Section section, OpenScopes thread, OpenScope parent, boolean outermost, SectionEvent event,
                  long start) {
            this.section = section;
            this.thread = thread;
            this.parent = parent;
            this.outermost = outermost;
            this.event = event;
            this.start = start;
        }

        @Override
        public void close() {
            long end = section.owner().ticker.read();
            if (closed) {
                return;
            }
            if (Thread.currentThread() != thread.owner) {
                throw new IllegalStateException("profiler scope " + section.name + " opened on thread "
                        + thread.owner.getName() + " is closed on " + Thread.currentThread().getName());
            }
            if (thread.top != this) {
                throw new IllegalStateException("profiler scope " + section.name + " closed while "
                        + (thread.top == null ? "it is not open" : thread.top.section.name
                        + ", opened inside it, is still open"));
            }
            closed = true;
            thread.top = parent;
            long elapsed = end - start;
            if (parent != null) {
                parent.childNanos += elapsed;
            }
            long selfNanos = elapsed - childNanos;
            section.record(thread.figures(section), elapsed, selfNanos, outermost);
            if (event != null) {
                event.end();
                if (event.shouldCommit()) {
                    event.selfNanos = selfNanos;
                    event.commit();
                }
            }
        }
    }
}
