package dev.candela.benchmarks;

import dev.candela.core.data.SymbolBatch;
import dev.candela.core.registry.ResolvedIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputAgreementTest {
    private static final SymbolBatch BARS = BenchmarkMarket.generate(3, 400);

    @ParameterizedTest
    @EnumSource(ComparedIndicator.class)
    void candelaAndTaLibComputeTheSameValuesForEveryComparedIndicator(ComparedIndicator compared) {
        ResolvedIndicator candela = compared.resolveCandela();

        assertEquals(compared.spec(), candela.spec());
        assertDoesNotThrow(() -> OutputAgreement.require(compared, candela, BARS));
    }

    @Test
    void refusesToCompareDifferentParameters() {
        ResolvedIndicator rsi13 = new ResolvedIndicator(ComparedIndicator.RSI.resolveCandela().indicator(),
                ComparedIndicator.RSI.resolveCandela().indicator().bind(13));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OutputAgreement.require(ComparedIndicator.RSI, rsi13, BARS));
        // rsi(13) has its first value at bar 13, where TA-Lib's rsi(14) still has none.
        assertTrue(e.getMessage().contains("at bar 13:"), e.getMessage());
    }

    @Test
    void agreesWithinTheRelativeToleranceAndOnlyNanWithNan() {
        assertTrue(OutputAgreement.agree(Double.NaN, Double.NaN));
        assertTrue(OutputAgreement.agree(1e12 + 100, 1e12)); // 1e-10 relative
        assertTrue(OutputAgreement.agree(0.25 + 5e-10, 0.25)); // absolute below 1
        assertFalse(OutputAgreement.agree(0.25 + 5e-9, 0.25));
        assertFalse(OutputAgreement.agree(1e12 + 1e4, 1e12));
        assertFalse(OutputAgreement.agree(Double.NaN, 1.0));
        assertFalse(OutputAgreement.agree(1.0, Double.NaN));
    }
}
