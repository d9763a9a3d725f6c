package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * Translates between Alpaca's Trading API JSON (as its OpenAPI specification gives it) and the broker
 * port's records. Reading is strict ({@link StrictJson}): an order or position whose quantity, price,
 * status or filled quantity is missing or malformed makes the whole answer invalid.
 */
final class AlpacaMapping {
    private static final Set<String> SIDES = Set.of("buy", "sell");
    private static final Set<String> TYPES = Set.of("market", "limit", "stop", "stop_limit", "trailing_stop");
    private static final Set<String> TIFS = Set.of("day", "gtc", "opg", "cls", "ioc", "fok");

    private AlpacaMapping() {
    }

    /** The JSON body of {@code POST /v2/orders}: quantities and prices as decimal strings, as the spec types them. */
    static ObjectNode orderBody(OrderRequest r) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("symbol", r.symbol());
        b.put("qty", r.quantity().stripTrailingZeros().toPlainString());
        b.put("side", r.side() == Side.BUY ? "buy" : "sell");
        b.put("type", type(r.type()));
        b.put("time_in_force", timeInForce(r.type(), r.timeInForce()));
        if (r.limitPrice() != null) {
            b.put("limit_price", r.limitPrice().stripTrailingZeros().toPlainString());
        }
        if (r.stopPrice() != null) {
            b.put("stop_price", r.stopPrice().stripTrailingZeros().toPlainString());
        }
        b.put("extended_hours", false);
        b.put("client_order_id", r.clientOrderId());
        return b;
    }

    /** Alpaca's order type for ours: market-on-open and market-on-close are market orders with OPG / CLS. */
    static String type(OrderType type) {
        return switch (type) {
            case MARKET, MARKET_ON_OPEN, MARKET_ON_CLOSE -> "market";
            case LIMIT -> "limit";
            case STOP -> "stop";
            case STOP_LIMIT -> "stop_limit";
        };
    }

    /** Alpaca's time in force; the order type wins for MOO (OPG) and MOC (CLS). */
    static String timeInForce(OrderType type, TimeInForce tif) {
        if (type == OrderType.MARKET_ON_OPEN) {
            return "opg";
        }
        if (type == OrderType.MARKET_ON_CLOSE) {
            return "cls";
        }
        return switch (tif) {
            case DAY -> "day";
            case GTC -> "gtc";
            case OPG -> "opg";
            case CLS -> "cls";
            case IOC -> "ioc";
            case FOK -> "fok";
        };
    }

    /**
     * Alpaca's many statuses folded into ours. Open ones that wait on Alpaca or the exchange are
     * ACCEPTED (pending_new is SUBMITTED: received, not yet accepted); replaced counts as cancelled because
     * that order will not fill any more; a status newer than the specification stays open, so
     * reconciliation keeps looking at it instead of taking it as ended.
     */
    static OrderStatus status(String status, BigDecimal quantity, BigDecimal filled) {
        return switch (status) {
            case "pending_new" -> OrderStatus.SUBMITTED;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "calculated" -> filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            case "canceled", "replaced" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected" -> OrderStatus.REJECTED;
            // new, accepted, accepted_for_bidding, held, pending_cancel, pending_replace, stopped, suspended,
            // done_for_day, and any status Alpaca adds later
            default -> filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
    }

    /** Every order of an answer that is a JSON array of orders; one bad order invalidates the answer. */
    static List<BrokerOrder> orders(String endpoint, JsonNode answer) {
        JsonNode array = StrictJson.array(endpoint, answer);
        List<BrokerOrder> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(order(StrictJson.object(endpoint, "[" + i + "]", array.get(i))));
        }
        return out;
    }

    /** An order answer (an Order object at {@code path} of the answer to {@code endpoint}). */
    static BrokerOrder order(String endpoint, String path, JsonNode node) {
        return order(StrictJson.object(endpoint, path, node));
    }

    private static BrokerOrder order(StrictJson o) {
        String id = o.text("id");
        String symbol = o.text("symbol");
        String side = o.oneOf("side", SIDES);
        String type = o.oneOf("type", TYPES);
        String tif = o.oneOf("time_in_force", TIFS);
        String status = o.text("status");
        if (o.optionalDecimal("qty") == null && o.optionalDecimal("notional") != null) {
            throw o.fail("qty", "is missing on a notional (dollar amount) order, which Leverdesk cannot track; cancel it at Alpaca");
        }
        BigDecimal qty = o.decimal("qty");
        if (qty.signum() <= 0) {
            throw o.fail("qty", "is " + qty.toPlainString() + ", not a positive quantity");
        }
        BigDecimal filled = o.decimal("filled_qty");
        if (filled.signum() < 0 || filled.compareTo(qty) > 0) {
            throw o.fail("filled_qty", "is " + filled.toPlainString() + ", outside 0 to the order's " + qty.toPlainString());
        }
        BigDecimal avg = o.optionalDecimal("filled_avg_price");
        if (filled.signum() > 0 && (avg == null || avg.signum() <= 0)) {
            throw o.fail("filled_avg_price", "is " + (avg == null ? "missing" : avg.toPlainString()) + " while "
                    + filled.toPlainString() + " filled");
        }
        BigDecimal limit = o.optionalDecimal("limit_price");
        BigDecimal stop = o.optionalDecimal("stop_price");
        if ((type.equals("limit") || type.equals("stop_limit")) && (limit == null || limit.signum() <= 0)) {
            throw o.fail("limit_price", "is " + (limit == null ? "missing" : limit.toPlainString()) + " on a " + type + " order");
        }
        if ((type.equals("stop") || type.equals("stop_limit")) && (stop == null || stop.signum() <= 0)) {
            throw o.fail("stop_price", "is " + (stop == null ? "missing" : stop.toPlainString()) + " on a " + type + " order");
        }
        String clientId = o.optionalText("client_order_id");
        var submitted = o.optionalTime("submitted_at");
        return new BrokerOrder(id, clientId, symbol, side.equals("sell") ? Side.SELL : Side.BUY, qty, filled, avg,
                domainType(type, tif), domainTimeInForce(tif), limit, stop, status(status, qty, filled),
                submitted != null ? submitted : o.optionalTime("created_at"), o.optionalTime("updated_at"), null);
    }

    private static OrderType domainType(String type, String tif) {
        return switch (type) {
            case "limit" -> OrderType.LIMIT;
            case "stop" -> OrderType.STOP;
            case "stop_limit" -> OrderType.STOP_LIMIT;
            // Leverdesk never sends trailing stops; one placed by hand on the account acts like a stop.
            case "trailing_stop" -> OrderType.STOP;
            default -> tif.equals("opg") ? OrderType.MARKET_ON_OPEN : tif.equals("cls") ? OrderType.MARKET_ON_CLOSE : OrderType.MARKET;
        };
    }

    private static TimeInForce domainTimeInForce(String tif) {
        return switch (tif) {
            case "gtc" -> TimeInForce.GTC;
            case "opg" -> TimeInForce.OPG;
            case "cls" -> TimeInForce.CLS;
            case "ioc" -> TimeInForce.IOC;
            case "fok" -> TimeInForce.FOK;
            default -> TimeInForce.DAY;
        };
    }

    /** Every position of a positions answer, zero ones included; one bad position invalidates the answer. */
    static List<BrokerPosition> positions(String endpoint, JsonNode answer) {
        JsonNode array = StrictJson.array(endpoint, answer);
        List<BrokerPosition> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(position(StrictJson.object(endpoint, "[" + i + "]", array.get(i))));
        }
        return out;
    }

    private static BrokerPosition position(StrictJson p) {
        String symbol = p.text("symbol");
        BigDecimal qty = p.decimal("qty");
        String side = p.oneOf("side", Set.of("long", "short"));
        // Alpaca reports short positions with side "short"; some versions also sign qty, so sign it once.
        if (side.equals("short") && qty.signum() > 0) {
            qty = qty.negate();
        } else if (side.equals("long") && qty.signum() < 0) {
            throw p.fail("qty", "is " + qty.toPlainString() + " on a long position");
        }
        BigDecimal avg = p.decimal("avg_entry_price");
        if (qty.signum() != 0 && avg.signum() <= 0) {
            throw p.fail("avg_entry_price", "is " + avg.toPlainString() + ", not a positive price");
        }
        return new BrokerPosition(symbol, qty, avg, p.decimal("market_value"), p.decimal("current_price"), p.decimal("unrealized_pl"));
    }
}
