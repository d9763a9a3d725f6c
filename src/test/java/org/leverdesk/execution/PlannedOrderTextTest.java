package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.junit.jupiter.api.Test;

/** The order line the Regime view ("if run now: ..."), the CLI and the journal show: prices in dollars and cents. */
class PlannedOrderTextTest {
    @Test
    void limitAndStopPricesReadInDollarsAndCents() {
        PlannedOrder limit = new PlannedOrder("c1", null, "TQQQ", Side.BUY, 49, OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("100.5"), "enter");
        assertEquals("buy 49 TQQQ LIMIT $100.50 DAY", limit.text());

        PlannedOrder stop = new PlannedOrder("c2", null, "QQQ", Side.SELL, 3, OrderType.STOP_LIMIT, TimeInForce.GTC,
                new BigDecimal("1234.5"), new BigDecimal("1240.125"), "exit");
        // 1240.125 rounds half up to the cent
        assertEquals("sell 3 QQQ STOP_LIMIT $1,234.50 stop $1,240.13 GTC", stop.text());
    }

    @Test
    void aMarketOrderHasNoPrice() {
        PlannedOrder market = new PlannedOrder("c3", null, "SQQQ", Side.BUY, 10, OrderType.MARKET, TimeInForce.DAY, null, "enter");
        assertEquals("buy 10 SQQQ MARKET DAY", market.text());
    }
}
