package dev.candela.visualization.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candela.core.io.AtomicFiles;
import dev.candela.visualization.run.OptimizerReport;
import dev.candela.visualization.run.OptimizerReportReader;
import dev.candela.visualization.run.TrainingRun;
import dev.candela.visualization.run.TrainingRunReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A training run's dashboard as one self-contained HTML file: the run's buckets and their metrics,
 * training curves, per-bucket accuracy and trading results, transfers, and, when the optimizer's report
 * is given, its suggestions, the top profiled functions and resource use. Styles and charts (SVG) are
 * inline: the file opens offline, anywhere.
 *
 * <pre>{@code
 * Dashboard.ofRunDirectory(Path.of("runs/eurusd"), null).write(Path.of("dashboard.html"));
 * }</pre>
 */
public final class Dashboard {
    private final TrainingRun run;
    private final Optional<OptimizerReport> report;
    private final Optional<JsonNode> config;
    private final Instant generatedAt;

    private Dashboard(Builder b) {
        this.run = b.run;
        this.report = Optional.ofNullable(b.report);
        this.config = Optional.ofNullable(b.config);
        this.generatedAt = b.generatedAt;
    }

    /** A builder for the dashboard of {@code run}. */
    public static Builder builder(TrainingRun run) {
        return new Builder(run);
    }

    /**
     * The dashboard of the run in {@code runDirectory}: its {@code events.jsonl}, its {@code config.json}
     * when present, and the optimizer report in {@code report}, or else the run's own {@code profile.json}
     * when present.
     *
     * @param report an optimizer report file, or {@code null} to use the run's {@code profile.json} if any
     * @throws java.nio.file.NoSuchFileException when the run has no events file or {@code report} is missing
     * @throws dev.candela.visualization.run.RunDataException when a file holds bad content (names file, line, key)
     */
    public static Dashboard ofRunDirectory(Path runDirectory, Path report) throws IOException {
        Builder b = builder(TrainingRunReader.read(runDirectory));
        TrainingRunReader.readConfig(runDirectory).ifPresent(b::config);
        Optional<OptimizerReport> optimizer = report != null
                ? Optional.of(OptimizerReportReader.read(report))
                : OptimizerReportReader.readFromRun(runDirectory);
        optimizer.ifPresent(b::report);
        return b.build();
    }

    /** The run shown. */
    public TrainingRun run() {
        return run;
    }

    /** The page. */
    public String html() {
        return DashboardPage.page(run, report, config, false, generatedAt);
    }

    /** Writes the page to {@code file} atomically, in UTF-8. */
    public void write(Path file) throws IOException {
        String html = html();
        AtomicFiles.writeString(file, html);
    }

    /** Collects what the dashboard shows. */
    public static final class Builder {
        private final TrainingRun run;
        private OptimizerReport report;
        private JsonNode config;
        private Instant generatedAt = Instant.now();

        private Builder(TrainingRun run) {
            this.run = Objects.requireNonNull(run, "run");
        }

        /** The optimizer's report of the run (suggestions, profile, resources). */
        public Builder report(OptimizerReport value) {
            report = Objects.requireNonNull(value, "report");
            return this;
        }

        /** The run's effective configuration, shown folded at the end. */
        public Builder config(JsonNode value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** The time the page says it was made; default: now. */
        public Builder generatedAt(Instant value) {
            generatedAt = Objects.requireNonNull(value, "generatedAt");
            return this;
        }

        public Dashboard build() {
            return new Dashboard(this);
        }
    }
}
