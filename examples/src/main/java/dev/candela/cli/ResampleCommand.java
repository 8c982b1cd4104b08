package dev.candela.cli;

import dev.candela.core.csv.OhlcvCsvWriter;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.ResampledSeries;
import dev.candela.core.data.Resampler;
import dev.candela.core.data.Timeframe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code candela resample}: candles to a higher timeframe on UTC boundaries. */
@Command(name = "resample", mixinStandardHelpOptions = true,
        description = {"Resample candles to a higher timeframe on UTC boundaries (weeks start on Monday).",
                "Open is the first open, high the highest high, low the lowest low, close the last close, "
                        + "volume the sum. The last candle is dropped when its period has not ended, "
                        + "unless --keep-incomplete is given."})
final class ResampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-t", "--timeframe"}, required = true, paramLabel = "TF", converter = TimeframeConverter.class,
            description = "Target timeframe: 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w.")
    Timeframe timeframe;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output CSV: timestamp,open,high,low,close,volume (written atomically).")
    Path out;

    @Option(names = "--keep-incomplete", description = "Keep the last candle even if its period has not ended.")
    boolean keepIncomplete;

    @Override
    public Integer call() throws Exception {
        OhlcvSeries base = input.series();
        ResampledSeries resampled = Resampler.to(timeframe).resample(base);
        OhlcvSeries candles = resampled.series();
        PrintWriter err = spec.commandLine().getErr();
        if (candles.isLastIncomplete() && !keepIncomplete) {
            int last = candles.size() - 1;
            err.printf("candela: dropped the unfinished last %s candle %s (%d of %d base bars)%n", timeframe,
                    Instant.ofEpochMilli(candles.timestamp(last)), resampled.baseBarCount(last),
                    resampled.barsPerCandle());
            candles = candles.completed();
        }
        OhlcvCsvWriter.write(candles, out);
        long partial = 0;
        for (int i = 0; i < candles.size(); i++) {
            if (!resampled.isFull(i)) {
                partial++;
            }
        }
        spec.commandLine().getOut().printf("%s: %d %s bars -> %d %s candles (%d with missing base bars) -> %s%n",
                input.input != null ? input.input : "synthetic " + base.symbol(), base.size(),
                resampled.baseTimeframe(), candles.size(), timeframe, partial, out);
        return ExitCode.OK;
    }
}
