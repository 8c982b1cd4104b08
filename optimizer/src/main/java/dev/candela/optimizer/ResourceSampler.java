package dev.candela.optimizer;

import dev.candela.optimizer.report.ResourceSample;

/**
 * Takes one reading of the machine and the JVM. The optimizer's monitor calls it from its own thread at
 * each interval; the default reads Oshi, the JVM's management beans, JavaCPP and the registered device
 * gauges. Tests give scripted samples instead.
 */
@FunctionalInterface
public interface ResourceSampler {

    /** A reading taken now; rates and loads cover the time since the previous call. */
    ResourceSample sample();
}
