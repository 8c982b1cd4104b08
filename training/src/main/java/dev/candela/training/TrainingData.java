package dev.candela.training;

import dev.candela.core.Candela;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.FeatureFrame;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.core.features.FeaturePipeline;
import dev.candela.core.features.LabelSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the feature table a {@link ProgressiveTrainer} trains on from candles, as the {@code features}
 * section of {@link TrainingSettings} describes: indicators on several timeframes merged without look-ahead,
 * lagged copies, past returns, and down / flat / up labels. Values are not normalised here: the trainer
 * fits normalisation per bucket on rows its model is trained on, so nothing leaks from later rows.
 */
public final class TrainingData {

    private TrainingData() {
    }

    /**
     * The feature table of {@code series}, on the runtime's backend.
     *
     * @throws TrainingDataException    when too few rows remain after the warm-up
     * @throws IllegalArgumentException for an unknown indicator or an unusable timeframe
     */
    public static FeatureMatrix table(Candela candela, OhlcvSeries series, TrainingSettings.Features features) {
        Timeframe base = series.timeframe().orElseThrow(() -> new TrainingDataException("the timeframe of "
                + series.symbol() + " cannot be told from its timestamps; give data with a regular spacing"));
        FeaturePipeline pipeline;
        try {
            pipeline = FeaturePipeline.builder(candela).timeframes(timeframes(base, features))
                    .indicators(features.indicators()).build();
        } catch (IllegalArgumentException e) {
            throw new TrainingConfigException("invalid value for 'features': " + e.getMessage(), "features", 0, e);
        }
        FeatureFrame frame = pipeline.compute(series);
        FeatureMatrix matrix = FeatureMatrix.builder()
                .lags(features.lags().stream().mapToInt(Integer::intValue).toArray())
                .returns(features.returns().stream().mapToInt(Integer::intValue).toArray())
                .label(LabelSpec.classes(features.horizon(), features.flatBand()))
                .build(frame);
        if (matrix.rowCount() == 0) {
            throw new TrainingDataException(series.symbol() + ": no complete feature rows remain of "
                    + series.size() + " bars (" + matrix.warmUpRowsDropped() + " in warm-up, "
                    + matrix.incompleteRowsDropped() + " incomplete)");
        }
        return matrix;
    }

    /** The configured timeframes, or the base with the ones 4 and 24 times longer where they exist. */
    static List<Timeframe> timeframes(Timeframe base, TrainingSettings.Features features) {
        List<Timeframe> out = new ArrayList<>();
        if (!features.timeframes().isEmpty()) {
            for (int i = 0; i < features.timeframes().size(); i++) {
                try {
                    out.add(Timeframe.parse(features.timeframes().get(i)));
                } catch (IllegalArgumentException e) {
                    throw new TrainingConfigException("invalid value for 'features.timeframes[" + i + "]': "
                            + e.getMessage(), "features.timeframes[" + i + "]", 0, e);
                }
            }
            return out;
        }
        out.add(base);
        for (long factor : new long[] {4, 24}) {
            Optional<Timeframe> higher = Timeframe.ofMillis(base.millis() * factor);
            higher.ifPresent(out::add);
        }
        return out;
    }
}
