package dev.candela.core.csv;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SharedData;
import dev.candela.core.data.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OhlcvCsvRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {SharedData.BTC_1H, SharedData.ETH_1H, SharedData.BTC_1M, SharedData.ETH_1M,
            SharedData.BTC_1D_YAHOO})
    void readingWhatWasWrittenGivesTheSameSeries(String name, @TempDir Path dir) throws IOException {
        OhlcvSeries original = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(name));
        Path copy = dir.resolve(name);
        OhlcvCsvWriter.write(original, copy);
        assertEquals(original, OhlcvCsvReader.withDefaults().readSeries(copy));
    }

    @ParameterizedTest
    @ValueSource(strings = {SharedData.BTC_1H, SharedData.ETH_1H, SharedData.BTC_1M, SharedData.ETH_1M})
    void rewritesBinanceDerivedFilesByteForByte(String name, @TempDir Path dir) throws IOException {
        // Their numbers are the exchange's shortest decimals, which Double.toString reproduces.
        Path source = SharedData.file(name);
        Path copy = dir.resolve(name);
        OhlcvCsvWriter.write(OhlcvCsvReader.withDefaults().readSeries(source), copy);
        assertEquals(Files.readString(source), Files.readString(copy));
    }

    @Test
    void writesTheHeaderAndOneLinePerCandle() throws IOException {
        OhlcvSeries series = OhlcvSeries.builder("X").timeframe(Timeframe.D1)
                .append(0, 1, 2, 0.5, 1.5, 100)
                .append(86_400_000L, 1.5, 1.75, 1.25, 1.5, 0)
                .build();
        StringWriter out = new StringWriter();
        OhlcvCsvWriter.write(series.slice(0, 2), out);
        String text = out.toString();
        assertEquals("timestamp,open,high,low,close,volume\n"
                + "1970-01-01T00:00:00Z,1.0,2.0,0.5,1.5,100.0\n"
                + "1970-01-02T00:00:00Z,1.5,1.75,1.25,1.5,0.0\n", text);
        OhlcvSeries back = OhlcvCsvReader.builder().symbol("X").build().read(new StringReader(text), "x.csv").series();
        assertEquals(series, back);
    }
}
