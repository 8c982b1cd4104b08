package dev.candela.optimizer;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.GpuConfig;
import dev.candela.core.config.OptimizerConfig;
import dev.candela.core.config.ResourceThresholds;
import dev.candela.optimizer.report.Thresholds;
import org.junit.jupiter.api.Test;

import static dev.candela.optimizer.Machines.GIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdPolicyTest {

    @Test
    void derivedCpuThresholdLeavesHalfACoreFreeWithinBounds() {
        assertEquals(0.75, ThresholdPolicy.cpuFor(2), 1e-12);
        assertEquals(0.875, ThresholdPolicy.cpuFor(4), 1e-12);
        assertEquals(0.9375, ThresholdPolicy.cpuFor(8), 1e-12);
        assertEquals(0.95, ThresholdPolicy.cpuFor(64), 1e-12);
        assertEquals(0.75, ThresholdPolicy.cpuFor(1), 1e-12);
    }

    @Test
    void derivedMemoryThresholdLeavesTheLargerOfTenPercentAndOneGibFree() {
        assertEquals(0.75, ThresholdPolicy.memoryFor(4 * GIB), 1e-12);
        assertEquals(0.875, ThresholdPolicy.memoryFor(8 * GIB), 1e-12);
        assertEquals(0.90, ThresholdPolicy.memoryFor(64 * GIB), 1e-12);
        assertEquals(0.50, ThresholdPolicy.memoryFor(GIB), 1e-12);
    }

    @Test
    void unsetThresholdsAreDerivedFromTheHardwareAndTheGpuHeadroom() {
        CandelaConfig config = CandelaConfig.builder().gpu(GpuConfig.defaults().withMemoryHeadroomFraction(0.2)).build();
        Thresholds t = ThresholdPolicy.resolve(config, Machines.cpuOnly(4, 8 * GIB));
        assertEquals(new Thresholds(0.875, 0.875, 0.8, true), t);
    }

    @Test
    void configuredThresholdsWinOverDerivedOnes() {
        CandelaConfig config = CandelaConfig.builder()
                .optimizer(new OptimizerConfig(500, new ResourceThresholds(0.6, null, 0.7))).build();
        Thresholds t = ThresholdPolicy.resolve(config, Machines.cpuOnly(2, 4 * GIB));
        assertEquals(0.6, t.cpu(), 1e-12);
        assertEquals(0.75, t.memory(), 1e-12);
        assertEquals(0.7, t.gpuMemory(), 1e-12);
        assertTrue(t.derived());
        assertFalse(ThresholdPolicy.resolve(Machines.fixedThresholds(), Machines.cpuOnly(2, 4 * GIB)).derived());
    }
}
