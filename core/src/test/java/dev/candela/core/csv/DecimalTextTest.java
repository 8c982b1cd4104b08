package dev.candela.core.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalTextTest {

    private static double parse(DecimalText parser, String text) {
        return parser.parse(text.toCharArray(), 0, text.length());
    }

    private static int status(String text) {
        DecimalText parser = new DecimalText();
        parse(parser, text);
        return parser.status();
    }

    @Test
    void readsEveryDecimalBitForBitAsDoubleParseDoubleDoesAndFlagsOverflow() {
        SplittableRandom random = new SplittableRandom(3);
        DecimalText parser = new DecimalText();
        for (int i = 0; i < 100_000; i++) {
            String text = randomDecimal(random);
            double expected = Double.parseDouble(text);
            double actual = parse(parser, text);
            if (Double.isInfinite(expected)) {
                assertEquals(DecimalText.NOT_FINITE, parser.status(), text);
                continue;
            }
            assertEquals(DecimalText.OK, parser.status(), text);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), text);
        }
    }

    private static String randomDecimal(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        int intDigits = random.nextInt(12);
        int fractionDigits = random.nextInt(4) == 0 ? random.nextInt(25) : random.nextInt(9);
        for (int i = 0; i < intDigits; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (fractionDigits > 0 || intDigits == 0) {
            text.append('.');
            for (int i = 0; i < Math.max(1, fractionDigits); i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(5) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(-330, 330));
        }
        return text.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"8312.0;8312.0", "24934.2;24934.2", "0.00001;1.0E-5", "465.864013671875;465.864013671875",
            "468.17401123046875;468.17401123046875", "1e3;1000.0", "-0;-0.0", "00012.50;12.5", ".5;0.5", "7.;7.0",
            "23097485495;2.3097485495E10", "' 42 ';42.0"})
    void readsTypicalExchangeNumbers(String text, double expected) {
        DecimalText parser = new DecimalText();
        assertEquals(expected, parse(parser, text));
        assertEquals(DecimalText.OK, parser.status());
    }

    @Test
    void classifiesWhatIsNoFiniteNumber() {
        assertEquals(DecimalText.EMPTY, status(""));
        assertEquals(DecimalText.EMPTY, status("  "));
        for (String malformed : new String[] {"abc", "null", "1,5", "1.2.3", "1e", "e5", "--1", ".", "0x10", "1d", "1 2"}) {
            assertEquals(DecimalText.MALFORMED, status(malformed), malformed);
        }
        for (String nonFinite : new String[] {"NaN", "nan", "Infinity", "-Infinity", "+inf", "1e309", "-2e400"}) {
            assertEquals(DecimalText.NOT_FINITE, status(nonFinite), nonFinite);
        }
        assertEquals(DecimalText.OK, status("1e-400")); // underflows to zero, which is finite
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"8312.0;8312.0", "0.5;0.5", "1.0E-4;0.0001", "-1.0E-4;-0.0001",
            "2.3097485495E10;23097485495.0", "1.0E7;10000000.0", "1.23456789E8;123456789.0",
            "1.234567891E8;123456789.1", "1.5E-10;0.00000000015", "1.0E21;1.0E21", "1.0E-11;1.0E-11",
            "-2.5E20;-250000000000000000000.0"})
    void writesDoublesWithoutExponentWithinRange(double value, String expected) {
        StringBuilder out = new StringBuilder("x,");
        DecimalText.appendPlain(out, value);
        assertEquals("x," + expected, out.toString());
    }

    @Test
    void writesNanAsNothing() {
        StringBuilder out = new StringBuilder("a,");
        DecimalText.appendPlain(out, Double.NaN);
        assertEquals("a,", out.toString());
    }

    @Test
    void plainOutputKeepsDoubleToStringsDigitsAndReadsBack() {
        SplittableRandom random = new SplittableRandom(9);
        DecimalText parser = new DecimalText();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            out.setLength(0);
            DecimalText.appendPlain(out, value);
            String text = out.toString();
            int exponent = value == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(value)));
            if (exponent >= -9 && exponent <= 19) {
                assertFalse(text.contains("E"), text);
            }
            assertEquals(0, new BigDecimal(Double.toString(value)).compareTo(new BigDecimal(text)), text);
            assertEquals(value, parse(parser, text), text);
        }
        assertTrue(out.length() > 0);
    }
}
