package dev.candela.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void usesBinaryUnitsWithOneDecimal() {
        assertEquals("0 B", ByteSizes.format(0));
        assertEquals("1023 B", ByteSizes.format(1023));
        assertEquals("1.0 KiB", ByteSizes.format(1024));
        assertEquals("1.5 KiB", ByteSizes.format(1536));
        assertEquals("512.0 MiB", ByteSizes.format(512L << 20));
        assertEquals("79.2 GiB", ByteSizes.format(85045379072L));
        assertEquals("8.0 EiB", ByteSizes.format(Long.MAX_VALUE));
    }
}
