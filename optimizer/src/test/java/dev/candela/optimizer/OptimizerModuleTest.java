package dev.candela.optimizer;

import dev.candela.core.Candela;
import dev.candela.core.config.BackendChoice;
import dev.candela.core.config.CacheConfig;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.FeaturePipeline;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.optimizer.report.Suggestion;
import dev.candela.spi.Optimizer;
import dev.candela.spi.Profiler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerModuleTest {
    private static final List<OhlcvSeries> MARKET = SyntheticMarket.builder().symbols("A", "B").timeframe(Timeframe.H1)
            .bars(600).build().generateSeries();

    private static Candela runtime(CandelaConfig config, OptimizerModule module) {
        return Candela.builder().hardware(Machines.cpuOnly(2, 8 * Machines.GIB)).config(config)
                .backend(BackendChoice.CPU).selector(BackendSelector.of(Map.of(), Map.of())).modules(module).build();
    }

    private static Map<String, SectionProfile> byName(PerformanceOptimizer optimizer) {
        return optimizer.profile().stream().collect(Collectors.toMap(SectionProfile::name, Function.identity()));
    }

    @Test
    void theRuntimeProfilesIndicatorsAndEveryFeaturePipelineStage() {
        List<PerformanceOptimizer> created = new ArrayList<>();
        try (Candela candela = runtime(CandelaConfig.defaults(), OptimizerModule.builder().onCreate(created::add).build())) {
            assertEquals(1, created.size(), "the optimizer is created with the runtime, before anyone asks for it");
            PerformanceOptimizer optimizer = created.get(0);
            assertSame(optimizer, candela.get(PerformanceOptimizer.class));
            assertSame(optimizer, candela.get(Optimizer.class));
            assertSame(optimizer.profiler(), candela.get(Profiler.class));

            FeaturePipeline pipeline = FeaturePipeline.builder(candela).timeframes(Timeframe.H1, Timeframe.H4)
                    .indicators("rsi(14),sma(5)").build();
            pipeline.computeAll(MARKET);

            Map<String, SectionProfile> p = byName(optimizer);
            assertTrue(p.keySet().containsAll(List.of("features.compute", "features.resample", "features.indicators",
                    "features.merge", "features.assemble", "indicator:rsi", "indicator:sma")), p.keySet().toString());
            assertEquals(1, p.get("features.compute").calls());
            assertEquals(2, p.get("features.indicators").calls(), "one batch per timeframe: both symbols share times");
            long stages = p.get("features.resample").totalNanos() + p.get("features.indicators").totalNanos()
                    + p.get("features.merge").totalNanos() + p.get("features.assemble").totalNanos();
            assertTrue(p.get("features.compute").totalNanos() >= stages, "stages run inside the whole computation");
            assertEquals(1.0, optimizer.profile().stream().mapToDouble(SectionProfile::share).sum(), 1e-9);
        }
    }

    @Test
    void profiledMethodsOfInjectorBuiltObjectsAreTimedUnderTheirNames() {
        try (Candela candela = runtime(CandelaConfig.defaults(), OptimizerModule.create());
             PerformanceOptimizer optimizer = candela.get(PerformanceOptimizer.class)) {
            Worker worker = candela.get(Worker.class);
            for (int i = 0; i < 3; i++) {
                assertEquals(7, worker.named(3));
            }
            worker.unnamed();
            WholeService service = candela.get(WholeService.class);
            service.first();
            service.second();
            service.second();
            Map<String, SectionProfile> p = byName(optimizer);
            assertEquals(3, p.get("worker.named").calls());
            assertEquals(1, p.get("Worker.unnamed").calls());
            assertEquals(1, p.get("service.first").calls());
            assertEquals(2, p.get("service.second").calls());
            assertEquals(1, p.get("service.own").calls(), "a method's own name wins over its class's");
            assertEquals(3 + 1 + 1 + 2 + 1, p.values().stream().mapToLong(SectionProfile::calls).sum(),
                    "unannotated methods of plain classes are not timed");
        }
    }

    @Test
    void theRuntimesFeatureCacheIsWatchedByTheOptimizer() {
        // A cache bound far below one column evicts every value at once: each request misses.
        CandelaConfig tiny = CandelaConfig.builder().cache(new CacheConfig(1_000)).build();
        try (Candela candela = runtime(tiny, OptimizerModule.create());
             PerformanceOptimizer optimizer = candela.get(PerformanceOptimizer.class)) {
            FeaturePipeline pipeline = FeaturePipeline.builder(candela).timeframes(Timeframe.H1, Timeframe.H4)
                    .indicators("rsi(14),sma(5)").build();
            for (int i = 0; i < 3; i++) {
                pipeline.computeAll(MARKET);
            }
            List<String> rules = optimizer.suggestions().stream().map(Suggestion::rule).toList();
            assertTrue(rules.contains("low-cache-hit-rate"), rules.toString());
        }
    }

    @Test
    void runtimesBuiltWithASharedOptimizerAllRecordIntoIt() {
        PerformanceOptimizer shared = PerformanceOptimizer.builder(Machines.cpuOnly(2, 8 * Machines.GIB),
                CandelaConfig.defaults()).build();
        for (int run = 0; run < 2; run++) {
            try (Candela candela = runtime(CandelaConfig.defaults(), OptimizerModule.sharing(shared))) {
                assertSame(shared, candela.get(PerformanceOptimizer.class));
                FeaturePipeline.builder(candela).indicators("rsi(14)").build().computeAll(MARKET);
            }
        }
        assertEquals(2, byName(shared).get("features.compute").calls());
        shared.close();
    }

    @Test
    void closingTheRuntimeClosesTheOptimizerItCreatedButNotASharedOne() {
        PerformanceOptimizer created;
        try (Candela candela = runtime(CandelaConfig.defaults(), OptimizerModule.create())) {
            created = candela.get(PerformanceOptimizer.class);
            created.start();
        }
        IllegalStateException closed = assertThrows(IllegalStateException.class, created::start);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());

        PerformanceOptimizer shared = PerformanceOptimizer.builder(Machines.cpuOnly(2, 8 * Machines.GIB),
                CandelaConfig.defaults()).build();
        try (Candela candela = runtime(CandelaConfig.defaults(), OptimizerModule.sharing(shared))) {
            assertSame(shared, candela.get(PerformanceOptimizer.class));
        }
        shared.start();
        shared.close();
    }

    /** A class with profiled methods; Guice subclasses it. */
    static class Worker {
        @Profiled("worker.named")
        int named(int x) {
            return x + 4;
        }

        @Profiled
        void unnamed() {
        }

        int notProfiled() {
            return 1;
        }
    }

    /** Every public method of a profiled type is timed. */
    @Profiled("service")
    static class WholeService {
        public void first() {
            own();
        }

        public void second() {
        }

        @Profiled("service.own")
        void own() {
        }
    }
}
