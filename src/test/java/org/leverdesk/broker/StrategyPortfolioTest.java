package org.leverdesk.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;

/** Capital isolation: two strategies share one $100,000 account. */
class StrategyPortfolioTest {
    private static final Account ACCOUNT = new Account("a", bd(40_000), bd(100_000), bd(80_000), bd(99_000), false);
    private static final List<BrokerPosition> POSITIONS = List.of(
            new BrokerPosition("TQQQ", bd(300), bd(90), bd(30_000), bd(100), bd(3_000)),
            new BrokerPosition("QQQ", bd(75), bd(380), bd(30_000), bd(400), bd(1_500)));

    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void aStrategySeesItsShareOfEquityAndOnlyItsOwnSymbols() {
        StrategyPortfolio regime = StrategyPortfolio.of(ACCOUNT, POSITIONS, Set.of("TQQQ", "QQQ-signal"), 0.5);
        assertEquals(50_000, regime.equity(), 1e-9);
        assertEquals(20_000, regime.cash(), 1e-9); // 50,000 - 30,000 of TQQQ
        assertEquals(300, regime.quantity("TQQQ"));
        assertEquals(0, regime.quantity("QQQ"));
        assertEquals(Set.of("TQQQ"), regime.positions().keySet());
        assertEquals(90, regime.positions().get("TQQQ").averageCost(), 1e-9);
    }

    @Test
    void aStrategyHoldingMoreThanItsShareHasNoCashLeft() {
        StrategyPortfolio small = StrategyPortfolio.of(ACCOUNT, POSITIONS, Set.of("QQQ"), 0.25);
        assertEquals(25_000, small.equity(), 1e-9);
        assertEquals(0, small.cash(), 1e-9); // 25,000 - 30,000 is floored at 0
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StrategyPortfolio.of(ACCOUNT, POSITIONS, Set.of("TQQQ"), 0));
        assertThrows(IllegalArgumentException.class, () -> StrategyPortfolio.of(ACCOUNT, POSITIONS, Set.of("TQQQ"), 1.5));
    }
}
