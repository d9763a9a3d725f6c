package org.leverdesk.broker;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;

/**
 * A multi-leg option order (a spread, a condor, or the close of one): 2 to 4 legs on one underlying
 * sent as one unit that fills all-or-none at the net price (Alpaca's order class {@code mleg}). Each leg is
 * an {@link OrderRequest} with its own deterministic client order id (the store records one intent per
 * leg); {@code clientOrderId} is the parent's. {@code limitPrice} is the net limit per share, positive
 * for a debit and negative for a credit (Alpaca's sign), null for a market combo.
 */
public record MultiLegOrderRequest(String clientOrderId, List<OrderRequest> legs, OrderType type, TimeInForce timeInForce,
                                   BigDecimal limitPrice) {
    /** Alpaca's limit: at most four legs in one multi-leg order. */
    public static final int MAX_LEGS = 4;

    public MultiLegOrderRequest {
        if (clientOrderId == null || clientOrderId.isBlank() || clientOrderId.length() > 128) {
            throw new IllegalArgumentException("a multi-leg order needs a client order id of 1 to 128 characters (got '"
                    + clientOrderId + "')");
        }
        legs = List.copyOf(legs);
        if (legs.size() < 2 || legs.size() > MAX_LEGS) {
            throw new IllegalArgumentException("multi-leg order " + clientOrderId + " has " + legs.size()
                    + " legs; it needs 2 to " + MAX_LEGS);
        }
        if (type != OrderType.MARKET && type != OrderType.LIMIT || (type == OrderType.LIMIT) != (limitPrice != null)) {
            throw new IllegalArgumentException("multi-leg order " + clientOrderId + " must be MARKET, or LIMIT with a net limit"
                    + " price (got " + type + ", " + limitPrice + ")");
        }
        if (timeInForce != TimeInForce.DAY) {
            throw new IllegalArgumentException("multi-leg order " + clientOrderId + ": only DAY orders (got " + timeInForce + ")");
        }
        Set<String> symbols = new HashSet<>();
        Set<String> ids = new HashSet<>();
        String underlying = null;
        for (OrderRequest leg : legs) {
            OptionContract c = OptionSymbols.contract(leg.symbol()).orElseThrow(() -> new IllegalArgumentException(
                    "multi-leg order " + clientOrderId + ": leg " + leg.symbol() + " is not an option"));
            if (underlying != null && !underlying.equals(c.underlying())) {
                throw new IllegalArgumentException("multi-leg order " + clientOrderId + ": legs on " + underlying + " and "
                        + c.underlying() + "; all legs need one underlying");
            }
            underlying = c.underlying();
            if (!symbols.add(leg.symbol()) || !ids.add(leg.clientOrderId()) || leg.clientOrderId().equals(clientOrderId)) {
                throw new IllegalArgumentException("multi-leg order " + clientOrderId + ": each leg needs its own contract and"
                        + " client order id (" + leg.symbol() + ", " + leg.clientOrderId() + ")");
            }
        }
    }

    /** The underlying all legs are on. */
    public String underlying() {
        return OptionSymbols.contract(legs.get(0).symbol()).orElseThrow().underlying();
    }
}
