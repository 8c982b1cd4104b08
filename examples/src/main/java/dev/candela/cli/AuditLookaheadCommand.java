package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.features.FeaturePipeline;
import dev.candela.core.features.LookaheadAudit;
import dev.candela.core.features.LookaheadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code candela audit-lookahead}: does any feature use data its row could not have known? */
@Command(name = "audit-lookahead", mixinStandardHelpOptions = true,
        description = {"Recompute the features of 'candela features' on the data cut at many points and report "
                + "every feature whose earlier values change: such a feature looks ahead.",
                "Labels are forward-looking by nature and are not audited. Exit code 1 when a feature leaks."})
final class AuditLookaheadCommand implements Callable<Integer> {
    /** The exit code of a failed audit. */
    static final int LEAK = ExitCode.CHECK_FAILED;

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    FeaturesCommand.PipelineOptions pipeline;

    @Option(names = "--cuts", paramLabel = "N", defaultValue = "" + LookaheadAudit.DEFAULT_CUTS,
            description = "How many times to cut the data and recompute (default: ${DEFAULT-VALUE}).")
    int cuts;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "" + LookaheadAudit.DEFAULT_TOLERANCE,
            description = "Relative difference up to which two values count as equal (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        OhlcvSeries series = input.series();
        try (Candela candela = parent.global.runtime()) {
            FeaturePipeline features = pipeline.build(candela, spec);
            LookaheadAudit audit = LookaheadAudit.builder().cuts(cuts).tolerance(tolerance).build();
            LookaheadReport report = audit.audit(series, features, pipeline.matrix());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %d rows, %d feature columns, %d cuts on the %s backend%n",
                    input.input != null ? input.input : "synthetic " + series.symbol(), report.rows(),
                    report.columns().size(), report.cuts().size(), features.backendName());
            for (LookaheadReport.Leak leak : report.leaks()) {
                out.println("LEAK " + leak);
            }
            out.println(report.summary());
            out.flush();
            return report.passed() ? ExitCode.OK : LEAK;
        }
    }
}
