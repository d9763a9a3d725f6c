package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A split the simulated account applied on its ex-date: the shares held before and after (whole shares; the
 * fraction was paid as {@code cashInLieu}), and how many open orders were adjusted or cancelled.
 */
public record SimSplit(String symbol, LocalDate exDate, String ratio, BigDecimal quantityBefore, BigDecimal quantityAfter,
                       BigDecimal cashInLieu, int ordersAdjusted, Instant at) {
    /** One line for the log, the journal and notifications. */
    public String describe() {
        String held = quantityBefore.signum() == 0 ? "no shares held" : plain(quantityBefore) + " shares became " + plain(quantityAfter)
                + (cashInLieu.signum() > 0 ? " and $" + cashInLieu.toPlainString() + " cash in lieu of the fraction" : "");
        return symbol + " " + ratio + " split going ex " + exDate + ": " + held + "; " + ordersAdjusted + " open order"
                + (ordersAdjusted == 1 ? "" : "s") + " adjusted";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
