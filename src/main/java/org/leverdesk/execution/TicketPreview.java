package org.leverdesk.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a ticket would do before it is sent: whole shares, the price it is judged at (the ask for a
 * market buy, the bid for a market sell, else the limit or stop), its estimated value, the buying
 * power before and after, the position before and after, the client order id it would get, and
 * every reason it cannot be sent ({@code problems}) or should be looked at ({@code warnings}).
 */
public record TicketPreview(String symbol, long shares, BigDecimal price, BigDecimal estimatedValue, BigDecimal buyingPower,
                            BigDecimal buyingPowerAfter, long held, long heldAfter, String clientOrderId, boolean live,
                            List<String> problems, List<String> warnings) {
    public TicketPreview {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** True when nothing stops the order. */
    public boolean sendable() {
        return problems.isEmpty();
    }
}
