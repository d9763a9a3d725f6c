package org.leverdesk.optionbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerPosition;

/** The account's options marked, grouped and covered, checked by hand against {@link FixedChainSource}. */
class OptionBookTest {
    static final String SHORT_480P = "QQQ   250117P00480000";
    static final String LONG_475P = "QQQ   250117P00475000";
    static final String SHORT_490C = "QQQ   250117C00490000";

    static List<BrokerPosition> positions() {
        return List.of(position(SHORT_480P, -2, "3.00"), position(LONG_475P, 2, "1.80"), position(SHORT_490C, -1, "1.20"),
                position("QQQM", 10, "200.00"));
    }

    static BrokerPosition position(String symbol, int qty, String avg) {
        return new BrokerPosition(symbol, BigDecimal.valueOf(qty), new BigDecimal(avg), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void marksGroupsAndCovers() {
        OptionBook.Snapshot s = new OptionBook(new FixedChainSource()).read(positions(), FixedChainSource.AS_OF);
        assertEquals(3, s.held().size(), "the stock position is left out");
        HeldOption shortPut = s.held().stream().filter(h -> h.contract().occSymbol().equals(SHORT_480P)).findFirst().orElseThrow();
        assertEquals("QQQ 17 Jan 25 480 P", shortPut.readable());
        assertEquals(2.00, shortPut.mark(), 1e-9);
        assertEquals(200.0, shortPut.profit(), 1e-9, "−2 × 100 × (2.00 − 3.00)");
        assertEquals(80.0, shortPut.deltaShares(), 1e-9, "−0.40 × −2 × 100");
        assertEquals(15, shortPut.daysToExpiry());
        assertEquals("$1,000.00 cash (spread width)", shortPut.collateral(), "(480 − 475) × 100 × 2");
        HeldOption shortCall = s.held().stream().filter(h -> h.contract().occSymbol().equals(SHORT_490C)).findFirst().orElseThrow();
        assertEquals("100 QQQ shares", shortCall.collateral());
        assertEquals(-45.0, s.netDelta(), 1e-9, "+80 − 80 − 45");
        assertEquals(1000.0, s.collateral(), 1e-9);

        assertEquals(1, s.groups().size(), "the lone short call is not a spread");
        OptionGroup g = s.groups().get(0);
        assertEquals("bull put spread", g.kind());
        assertEquals("QQQ 17 Jan 25 bull put spread 475/480 ×2", g.title());
        assertEquals(2, g.units());
        assertEquals(1.20, g.credit(), 1e-9, "3.00 − 1.80");
        assertEquals(0.50, g.closeCost(), 1e-9, "buy the 480 back at 2.00, sell the 475 at 1.50");
        assertEquals(140.0, g.profit(), 1e-9, "+200 − 60");
        assertEquals(240.0, g.summary().maxProfit(), 1e-9);
        assertEquals(760.0, g.summary().maxLoss(), 1e-9, "(5 − 1.20) × 100 × 2");
        assertEquals(478.80, g.summary().breakEvens().get(0), 1e-9);
        assertEquals(0.60, g.exits().profitTakeDebit(), 1e-9, "1.20 × (1 − 50%)");
        assertEquals(3.10, g.exits().stopDebit(), 1e-9, "1.20 + 50% × 3.80");
        assertEquals(List.of(480.0), g.exits().shortStrikes());
        assertEquals(760.0, s.openRisk(), 1e-9);
    }

    @Test
    void ironCondorIsOnePositionAndDebitSpreadHasNoCreditExits() {
        List<BrokerPosition> condor = List.of(position("QQQ   250117P00470000", 1, "1.00"), position("QQQ   250117P00475000", -1, "1.60"),
                position("QQQ   250117C00485000", -1, "1.50"), position("QQQ   250117C00490000", 1, "0.90"));
        OptionBook.Snapshot s = new OptionBook(new FixedChainSource()).read(condor, FixedChainSource.AS_OF);
        assertEquals(1, s.groups().size());
        OptionGroup g = s.groups().get(0);
        assertEquals("iron condor", g.kind());
        assertEquals(List.of(473.80, 486.20), g.summary().breakEvens().stream().map(x -> Math.round(x * 100) / 100.0).toList());
        assertEquals(1.20 * 0.60, g.exits().profitTakeDebit(), 1e-9, "condor default: take at 40% of the credit");

        List<BrokerPosition> debit = List.of(position("QQQ   250117C00480000", 1, "2.00"), position("QQQ   250117C00485000", -1, "1.50"));
        OptionGroup bull = new OptionBook(new FixedChainSource()).read(debit, FixedChainSource.AS_OF).groups().get(0);
        assertEquals("bull call spread", bull.kind());
        assertNull(bull.exits());
        assertEquals(450.0, bull.summary().maxProfit(), 1e-9, "(5 − 0.50 debit) × 100");
    }
}
