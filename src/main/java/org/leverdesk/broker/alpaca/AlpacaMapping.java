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
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;

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
        b.put("symbol", alpacaSymbol(r.symbol()));
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

    /**
     * The symbol Alpaca knows: an option's OCC symbol unpadded ({@code QQQ250117P00480000}), a share's as is. Leverdesk
     * keeps options by their padded OCC symbol ({@code QQQ   250117P00480000}), so every symbol crossing to Alpaca goes
     * through here and every symbol coming back through {@link #ourSymbol}.
     */
    static String alpacaSymbol(String symbol) {
        return OptionSymbols.contract(symbol).map(OptionContract::compactSymbol).orElse(symbol);
    }

    /** Leverdesk's symbol for one of Alpaca's: an option's padded OCC symbol, a share's as is. */
    static String ourSymbol(String symbol) {
        return OptionSymbols.contract(symbol).map(OptionContract::occSymbol).orElse(symbol);
    }

    /**
     * The JSON body of a multi-leg {@code POST /v2/orders} ({@code order_class: mleg}): the order's qty is the
     * greatest common divisor of the legs' quantities and each leg's {@code ratio_qty} its quantity divided by
     * it (Alpaca wants the ratio in lowest terms); each leg's {@code position_intent} says whether it opens or
     * closes, from the position {@code held} says the account has in that contract (contracts, short negative).
     */
    static ObjectNode multiLegBody(MultiLegOrderRequest r, java.util.function.Function<String, BigDecimal> held) {
        BigDecimal unit = null;
        for (OrderRequest leg : r.legs()) {
            BigDecimal q = leg.quantity().stripTrailingZeros();
            if (q.scale() > 0 || q.signum() <= 0) {
                throw new IllegalArgumentException("multi-leg order " + r.clientOrderId() + ": leg " + leg.symbol()
                        + " has " + q.toPlainString() + " contracts; whole contracts only");
            }
            unit = unit == null ? q : new BigDecimal(unit.toBigInteger().gcd(q.toBigInteger()));
        }
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("order_class", "mleg");
        b.put("qty", unit.toPlainString());
        b.put("type", r.type() == OrderType.LIMIT ? "limit" : "market");
        b.put("time_in_force", "day");
        if (r.limitPrice() != null) {
            b.put("limit_price", r.limitPrice().stripTrailingZeros().toPlainString());
        }
        b.put("client_order_id", r.clientOrderId());
        var legs = b.putArray("legs");
        for (OrderRequest leg : r.legs()) {
            BigDecimal position = held.apply(leg.symbol());
            boolean buy = leg.side() == Side.BUY;
            String intent = buy ? (position.signum() < 0 ? "buy_to_close" : "buy_to_open")
                    : (position.signum() > 0 ? "sell_to_close" : "sell_to_open");
            ObjectNode l = legs.addObject();
            l.put("symbol", alpacaSymbol(leg.symbol()));
            l.put("ratio_qty", leg.quantity().stripTrailingZeros().divide(unit).toPlainString());
            l.put("side", buy ? "buy" : "sell");
            l.put("position_intent", intent);
        }
        return b;
    }

    /**
     * The legs of a multi-leg order answer as orders under the client order ids Leverdesk gave them: Alpaca names
     * each leg with an id of its own, so a leg is matched to the request's by its contract. The answer must be an
     * {@code mleg} order with exactly the request's contracts, sides and quantities (the order's qty × the leg's
     * ratio); anything else is a malformed answer, as is a leg that filled without the others having filled too
     * (Alpaca fills a multi-leg order all or none).
     */
    static List<BrokerOrder> multiLeg(String endpoint, JsonNode node, MultiLegOrderRequest r) {
        StrictJson parent = StrictJson.object(endpoint, "", node);
        String orderClass = parent.text("order_class");
        if (!orderClass.equals("mleg")) {
            throw parent.fail("order_class", "is '" + orderClass + "', not 'mleg' for multi-leg order " + r.clientOrderId());
        }
        String parentType = parent.oneOf("type", Set.of("market", "limit"));
        String tif = parent.oneOf("time_in_force", TIFS);
        String parentStatus = parent.text("status");
        BigDecimal unit = parent.decimal("qty");
        JsonNode legs = node.get("legs");
        if (legs == null || !legs.isArray() || legs.size() != r.legs().size()) {
            throw parent.fail("legs", "has " + (legs == null || !legs.isArray() ? "no array" : legs.size() + " legs")
                    + ", not the " + r.legs().size() + " legs sent");
        }
        java.util.Map<String, OrderRequest> bySymbol = new java.util.LinkedHashMap<>();
        r.legs().forEach(l -> bySymbol.put(l.symbol(), l));
        List<BrokerOrder> out = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            StrictJson l = StrictJson.object(endpoint, "legs[" + i + "]", legs.get(i));
            String symbol = ourSymbol(l.text("symbol"));
            OrderRequest sent = bySymbol.remove(symbol);
            if (sent == null) {
                throw l.fail("symbol", "is '" + symbol + "', not a contract of multi-leg order " + r.clientOrderId()
                        + " (or named twice)");
            }
            String side = l.oneOf("side", SIDES);
            if (side.equals("buy") != (sent.side() == Side.BUY)) {
                throw l.fail("side", "is '" + side + "' but " + symbol + " was sent as a " + sent.side());
            }
            BigDecimal ratio = l.optionalDecimal("ratio_qty");
            BigDecimal qty = l.optionalDecimal("qty");
            BigDecimal legQty = qty != null ? qty : ratio == null ? null : ratio.multiply(unit);
            if (legQty == null || legQty.compareTo(sent.quantity()) != 0) {
                throw l.fail("qty", "is " + (legQty == null ? "missing" : legQty.toPlainString()) + " but " + symbol
                        + " was sent for " + sent.quantity().toPlainString());
            }
            BigDecimal filled = l.decimal("filled_qty");
            if (filled.signum() < 0 || filled.compareTo(legQty) > 0) {
                throw l.fail("filled_qty", "is " + filled.toPlainString() + ", outside 0 to the leg's " + legQty.toPlainString());
            }
            BigDecimal avg = l.optionalDecimal("filled_avg_price");
            if (filled.signum() > 0 && (avg == null || avg.signum() < 0)) {
                throw l.fail("filled_avg_price", "is " + (avg == null ? "missing" : avg.toPlainString()) + " while "
                        + filled.toPlainString() + " filled");
            }
            String legStatus = l.optionalText("status");
            String status = legStatus == null || legStatus.isBlank() ? parentStatus : legStatus;
            var submitted = l.optionalTime("submitted_at");
            out.add(new BrokerOrder(l.text("id"), sent.clientOrderId(), symbol, sent.side(), legQty, filled, avg,
                    parentType.equals("limit") ? OrderType.LIMIT : OrderType.MARKET, domainTimeInForce(tif), null, null,
                    status(status, legQty, filled), submitted != null ? submitted : l.optionalTime("created_at"),
                    l.optionalTime("updated_at"), null));
        }
        // All or none: a leg filled in part of its ratio while another is not is not an answer Alpaca gives.
        BigDecimal share = null;
        for (BrokerOrder o : out) {
            BigDecimal f = o.filledQuantity().divide(o.quantity(), java.math.MathContext.DECIMAL64);
            if (share != null && share.compareTo(f) != 0) {
                throw parent.fail("legs", "filled unevenly (" + out.stream().map(x -> x.symbol().strip() + " "
                        + x.filledQuantity().toPlainString() + "/" + x.quantity().toPlainString()).toList()
                        + "); a multi-leg order fills all legs or none");
            }
            share = f;
        }
        return out;
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

    /**
     * Every order of an answer that is a JSON array of orders (asked {@code nested=true}); one bad order invalidates the
     * answer. An order's {@code legs} are orders too: a multi-leg ({@code mleg}) parent has no symbol or side of its own
     * and stands for its legs (each with its contract, side and quantity: the ratio times the parent's when it has none);
     * any other parent is listed with its legs.
     */
    static List<BrokerOrder> orders(String endpoint, JsonNode answer) {
        JsonNode array = StrictJson.array(endpoint, answer);
        List<BrokerOrder> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            StrictJson o = StrictJson.object(endpoint, "[" + i + "]", array.get(i));
            JsonNode legs = array.get(i).get("legs");
            boolean mleg = "mleg".equals(o.optionalText("order_class"));
            if (mleg && (legs == null || !legs.isArray() || legs.isEmpty())) {
                throw o.fail("legs", "is missing on a multi-leg order listed nested");
            }
            if (!mleg) {
                out.add(order(o));
            }
            for (int k = 0; legs != null && legs.isArray() && k < legs.size(); k++) {
                JsonNode leg = legs.get(k);
                if (mleg && leg.isObject()) {
                    var copy = (com.fasterxml.jackson.databind.node.ObjectNode) leg.deepCopy();
                    if (!leg.hasNonNull("qty") && leg.hasNonNull("ratio_qty")) {
                        BigDecimal ratio = StrictJson.object(endpoint, "[" + i + "].legs[" + k + "]", leg).decimal("ratio_qty");
                        copy.put("qty", ratio.multiply(o.decimal("qty")).toPlainString());
                    }
                    // The combo's limit is its net price, on the parent; no leg has a price of its own to show.
                    if (!leg.hasNonNull("limit_price")) {
                        copy.put("type", "market");
                    }
                    leg = copy;
                }
                out.add(order(StrictJson.object(endpoint, "[" + i + "].legs[" + k + "]", leg)));
            }
        }
        return out;
    }

    /** An order answer (an Order object at {@code path} of the answer to {@code endpoint}). */
    static BrokerOrder order(String endpoint, String path, JsonNode node) {
        return order(StrictJson.object(endpoint, path, node));
    }

    private static BrokerOrder order(StrictJson o) {
        String id = o.text("id");
        String symbol = ourSymbol(o.text("symbol"));
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
        String symbol = ourSymbol(p.text("symbol"));
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
