package dev.candela.optimizer;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One call of a profiled section, as a JDK Flight Recorder event (JDK Mission Control lists it under
 * Candela / Profiler). Committed only while a recording has the event enabled; it is enabled by default.
 */
@Name(SectionEvent.NAME)
@Label("Profiled Section")
@Category({"Candela", "Profiler"})
@Description("A call of a section timed by Candela's profiler; the duration is its inclusive time")
@StackTrace(false)
final class SectionEvent extends Event {
    /** The event's name in recordings. */
    static final String NAME = "dev.candela.ProfiledSection";

    @Label("Section")
    String section;

    @Label("Self Time")
    @Description("The call's time without the profiled sections it called")
    @Timespan(Timespan.NANOSECONDS)
    long selfNanos;
}
