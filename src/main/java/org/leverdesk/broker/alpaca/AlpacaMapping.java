package org.leverdesk.broker.alpaca;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import net.jacobpeterson.alpaca.model.endpoint.orders.Order;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderSide;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderTimeInForce;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/** Translates between Alpaca's order and position models and the broker port's records. */
final class AlpacaMapping {
    private AlpacaMapping() {
    }

    /** Alpaca's order type for ours: market-on-open and market-on-close are market orders with OPG / CLS. */
    static net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType type(OrderType type) {
        return switch (type) {
            case MARKET, MARKET_ON_OPEN, MARKET_ON_CLOSE -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.MARKET;
            case LIMIT -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.LIMIT;
            case STOP -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.STOP;
            case STOP_LIMIT -> net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.STOP_LIMIT;
        };
    }

    /** Alpaca's time in force; the order type wins for MOO (OPG) and MOC (CLS). */
    static OrderTimeInForce timeInForce(OrderType type, TimeInForce tif) {
        if (type == OrderType.MARKET_ON_OPEN) {
            return OrderTimeInForce.OPG;
        }
        if (type == OrderType.MARKET_ON_CLOSE) {
            return OrderTimeInForce.CLS;
        }
        return switch (tif) {
            case DAY -> OrderTimeInForce.DAY;
            case GTC -> OrderTimeInForce.GOOD_UNTIL_CANCELLED;
            case OPG -> OrderTimeInForce.OPG;
            case CLS -> OrderTimeInForce.CLS;
            case IOC -> OrderTimeInForce.IMMEDIATE_OR_CANCEL;
            case FOK -> OrderTimeInForce.FILL_OR_KILL;
        };
    }

    static OrderSide side(Side side) {
        return side == Side.BUY ? OrderSide.BUY : OrderSide.SELL;
    }

    /**
     * Alpaca's many statuses folded into ours. Open ones that wait on Alpaca or the exchange are
     * ACCEPTED (pending_new is SUBMITTED: received, not yet routed); replaced counts as cancelled because
     * that order will not fill any more; an unknown status (null from the model) stays open so
     * reconciliation keeps looking at it.
     */
    static OrderStatus status(net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderStatus status,
                              BigDecimal quantity, BigDecimal filled) {
        if (status == null) {
            return OrderStatus.ACCEPTED;
        }
        return switch (status) {
            case PENDING_NEW -> OrderStatus.SUBMITTED;
            case NEW, ACCEPTED, ACCEPTED_FOR_BIDDING, HELD, PENDING_CANCEL, PENDING_REPLACE, STOPPED, SUSPENDED,
                 DONE_FOR_DAY -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.FILLED;
            case CALCULATED -> filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            case CANCELED, REPLACED -> OrderStatus.CANCELED;
            case EXPIRED -> OrderStatus.EXPIRED;
            case REJECTED -> OrderStatus.REJECTED;
        };
    }

    static BrokerOrder order(Order o) {
        BigDecimal qty = decimal(o.getQuantity(), BigDecimal.ZERO);
        BigDecimal filled = decimal(o.getFilledQuantity(), BigDecimal.ZERO);
        OrderType type = domainType(o);
        return new BrokerOrder(o.getId(), o.getClientOrderId(), o.getSymbol(),
                o.getSide() == OrderSide.SELL ? Side.SELL : Side.BUY, qty, filled,
                decimal(o.getAverageFillPrice(), null), type, domainTimeInForce(o.getTimeInForce()),
                decimal(o.getLimitPrice(), null), decimal(o.getStopPrice(), null),
                status(o.getStatus(), qty, filled), instant(o.getSubmittedAt() != null ? o.getSubmittedAt() : o.getCreatedAt()),
                instant(o.getUpdatedAt()), null);
    }

    private static OrderType domainType(Order o) {
        var type = o.getType();
        if (type == null || type == net.jacobpeterson.alpaca.model.endpoint.orders.enums.OrderType.MARKET) {
            if (o.getTimeInForce() == OrderTimeInForce.OPG) {
                return OrderType.MARKET_ON_OPEN;
            }
            return o.getTimeInForce() == OrderTimeInForce.CLS ? OrderType.MARKET_ON_CLOSE : OrderType.MARKET;
        }
        return switch (type) {
            case LIMIT -> OrderType.LIMIT;
            case STOP -> OrderType.STOP;
            case STOP_LIMIT -> OrderType.STOP_LIMIT;
            // Leverdesk never sends trailing stops; one placed by hand on the account acts like a stop.
            case TRAILING_STOP -> OrderType.STOP;
            case MARKET -> OrderType.MARKET;
        };
    }

    static TimeInForce domainTimeInForce(OrderTimeInForce tif) {
        if (tif == null) {
            return TimeInForce.DAY;
        }
        return switch (tif) {
            case DAY -> TimeInForce.DAY;
            case GOOD_UNTIL_CANCELLED -> TimeInForce.GTC;
            case OPG -> TimeInForce.OPG;
            case CLS -> TimeInForce.CLS;
            case IMMEDIATE_OR_CANCEL -> TimeInForce.IOC;
            case FILL_OR_KILL -> TimeInForce.FOK;
        };
    }

    static BrokerPosition position(net.jacobpeterson.alpaca.model.endpoint.positions.Position p) {
        BigDecimal qty = decimal(p.getQuantity(), BigDecimal.ZERO);
        // Alpaca reports short positions with side "short"; some versions also sign qty, so sign it once.
        if ("short".equalsIgnoreCase(p.getSide()) && qty.signum() > 0) {
            qty = qty.negate();
        }
        return new BrokerPosition(p.getSymbol(), qty, decimal(p.getAverageEntryPrice(), null),
                decimal(p.getMarketValue(), null), decimal(p.getCurrentPrice(), null),
                decimal(p.getUnrealizedProfitLoss(), null));
    }

    /** Alpaca sends money and quantities as strings; a missing or blank one becomes {@code fallback}. */
    static BigDecimal decimal(String text, BigDecimal fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Instant instant(ZonedDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
