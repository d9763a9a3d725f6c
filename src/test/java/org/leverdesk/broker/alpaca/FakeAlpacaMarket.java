package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The account and order book behind {@link FakeAlpacaServer}, following the market model of
 * {@code BrokerFixture}: market orders fill at once while open (buys at the ask, sells at the bid),
 * limit orders at their limit when marketable, stops turn into market orders when the last price trades
 * through, OPG orders wait for {@link #openSession()}, CLS orders for {@link #closeMarket()}. It is a
 * cash account (buying power = cash minus what open buy orders reserve) and refuses selling more than
 * is held, as Alpaca does for an account without shorting. Every method is synchronized: the HTTP
 * threads and the test thread share it.
 */
final class FakeAlpacaMarket {
    static final BigDecimal START_CASH = new BigDecimal("100000");
    private static final MathContext MC = MathContext.DECIMAL64;

    /** A failure to answer with: HTTP status and Alpaca's code and message. */
    record Refusal(int status, int code, String message) {
    }

    /** An answer: status and JSON body. */
    record Reply(int status, JsonNode body) {
    }

    private record Price(BigDecimal bid, BigDecimal ask, BigDecimal last, Instant at) {
    }

    private static final class Holding {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal avgPrice = BigDecimal.ZERO;
    }

    static final class FakeOrder {
        final String id = UUID.randomUUID().toString();
        String clientOrderId;
        String symbol;
        String side;
        String type;
        String tif;
        BigDecimal qty;
        BigDecimal limitPrice;
        BigDecimal stopPrice;
        BigDecimal filledQty = BigDecimal.ZERO;
        BigDecimal filledAvgPrice;
        String status;
        boolean stopTriggered;
        Instant createdAt;
        Instant updatedAt;
        Instant filledAt;
        Instant canceledAt;
        Instant failedAt;

        boolean isOpen() {
            return switch (status) {
                case "filled", "canceled", "expired", "rejected", "replaced" -> false;
                default -> true;
            };
        }

        BigDecimal remaining() {
            return qty.subtract(filledQty);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private BigDecimal cash = START_CASH;
    private BigDecimal lastEquity = START_CASH;
    private boolean open = true;
    private boolean legacyPdtFields;
    private final Map<String, Price> quotes = new HashMap<>();
    private final Map<String, Holding> holdings = new TreeMap<>();
    private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
    private final Set<String> clientOrderIds = new HashSet<>();
    private final Map<String, String> closeFailures = new HashMap<>();
    private final Map<String, ObjectNode> rawQuotes = new HashMap<>();

    // ---- test controls -------------------------------------------------------------------------

    synchronized void setQuote(String symbol, double bid, double ask) {
        BigDecimal b = BigDecimal.valueOf(bid);
        BigDecimal a = BigDecimal.valueOf(ask);
        quotes.put(symbol, new Price(b, a, b.add(a).divide(BigDecimal.TWO, MC), Instant.now()));
        fillResting(symbol);
    }

    /** Sets the last trade price alone (for stop orders), keeping bid and ask. */
    synchronized void setLast(String symbol, double last) {
        Price p = quotes.get(symbol);
        if (p == null) {
            throw new IllegalStateException("set a quote for " + symbol + " first");
        }
        quotes.put(symbol, new Price(p.bid(), p.ask(), BigDecimal.valueOf(last), Instant.now()));
        fillResting(symbol);
    }

    /** The latest-quote endpoint answers these raw values for {@code symbol} (null fields stay null). */
    synchronized void setRawQuote(String symbol, Double bid, Double ask, Instant at) {
        ObjectNode q = json.createObjectNode();
        q.put("t", at == null ? null : at.toString());
        q.put("ax", "V");
        q.put("ap", ask);
        q.put("as", 3);
        q.put("bx", "V");
        q.put("bp", bid);
        q.put("bs", 2);
        q.putArray("c").add("R");
        q.put("z", "C");
        rawQuotes.put(symbol, q);
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** Fills market-on-close orders at the current quotes, then closes the market. */
    synchronized void closeMarket() {
        auction("cls");
        open = false;
    }

    /** Opens the next session: yesterday's equity becomes last_equity, OPG and queued orders fill at the current quotes. */
    synchronized void openSession() {
        lastEquity = equity();
        open = true;
        auction("opg");
        for (String symbol : Set.copyOf(quotes.keySet())) {
            fillResting(symbol);
        }
    }

    /**
     * The opening or closing auction: its market orders fill at the current quote (buy at the ask, sell at
     * the bid), its limit orders at their limit when marketable, and a limit order that is not is
     * cancelled, as Alpaca cancels auction orders the auction did not fill.
     */
    private void auction(String tif) {
        for (FakeOrder o : List.copyOf(orders.values())) {
            Price p = quotes.get(o.symbol);
            if (!o.isOpen() || !o.tif.equals(tif) || p == null) {
                continue;
            }
            boolean buy = o.side.equals("buy");
            if (o.type.equals("market")) {
                fill(o, o.remaining(), buy ? p.ask() : p.bid());
            } else if (buy ? p.ask().compareTo(o.limitPrice) <= 0 : p.bid().compareTo(o.limitPrice) >= 0) {
                // An auction crosses at one price: a marketable limit fills at the quote.
                fill(o, o.remaining(), buy ? p.ask() : p.bid());
            } else {
                cancelNow(o);
            }
        }
    }

    synchronized void includeLegacyPdtFields(boolean include) {
        legacyPdtFields = include;
    }

    /** The next DELETE /v2/positions fails for {@code symbol} with {@code message}. */
    synchronized void failClosing(String symbol, String message) {
        closeFailures.put(symbol, message);
    }

    /** Fills {@code qty} of an open order at the current bid/ask (or its limit), leaving it partially filled. */
    synchronized void partialFill(String clientOrderId, BigDecimal qty) {
        FakeOrder o = byClientId(clientOrderId);
        Price p = quotes.get(o.symbol);
        BigDecimal price = o.limitPrice != null ? o.limitPrice : o.side.equals("buy") ? p.ask() : p.bid();
        fill(o, qty.min(o.remaining()), price);
    }

    /** Alpaca (or the exchange) rejects an order it had accepted. */
    synchronized void rejectOrder(String clientOrderId) {
        FakeOrder o = byClientId(clientOrderId);
        o.status = "rejected";
        o.failedAt = Instant.now();
        o.updatedAt = o.failedAt;
    }

    /** Sets an order's status string as is (e.g. one newer than alpaca-java knows). */
    synchronized void forceStatus(String clientOrderId, String status) {
        byClientId(clientOrderId).status = status;
    }

    synchronized int orderCount() {
        return orders.size();
    }

    synchronized long ordersWithClientId(String clientOrderId) {
        return orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).count();
    }

    private FakeOrder byClientId(String clientOrderId) {
        return orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order " + clientOrderId));
    }

    // ---- REST endpoints ------------------------------------------------------------------------

    synchronized Reply account() {
        ObjectNode a = json.createObjectNode();
        a.put("id", "1d5493c9-ea39-4377-aa94-340734c368ae");
        a.put("account_number", "PA3KX7Q1TEST");
        a.put("status", "ACTIVE");
        a.put("crypto_status", "ACTIVE");
        a.put("currency", "USD");
        BigDecimal equity = equity();
        a.put("cash", plain(cash));
        a.put("buying_power", plain(buyingPower()));
        a.put("regt_buying_power", plain(buyingPower()));
        a.put("non_marginable_buying_power", plain(buyingPower()));
        // A field added after alpaca-java 9.2.0 was released: it must be ignored.
        a.put("intraday_buying_power", plain(buyingPower()));
        a.put("portfolio_value", plain(equity));
        a.put("equity", plain(equity));
        a.put("last_equity", plain(lastEquity));
        a.put("long_market_value", plain(equity.subtract(cash)));
        a.put("short_market_value", "0");
        a.put("initial_margin", "0");
        a.put("maintenance_margin", "0");
        a.put("multiplier", "1");
        a.put("shorting_enabled", false);
        a.put("trading_blocked", false);
        a.put("transfers_blocked", false);
        a.put("account_blocked", false);
        a.put("trade_suspended_by_user", false);
        a.put("created_at", "2026-01-05T15:04:05.123456Z");
        if (legacyPdtFields) {
            // Removed by Alpaca in July 2026; older answers still carry them.
            a.put("pattern_day_trader", false);
            a.put("daytrade_count", 0);
            a.put("daytrading_buying_power", plain(buyingPower()));
        }
        return new Reply(200, a);
    }

    synchronized Reply positions() {
        ArrayNode out = json.createArrayNode();
        holdings.forEach((symbol, h) -> {
            if (h.qty.signum() != 0) {
                out.add(positionJson(symbol, h));
            }
        });
        return new Reply(200, out);
    }

    synchronized Reply position(String symbol) {
        Holding h = holdings.get(symbol);
        if (h == null || h.qty.signum() == 0) {
            return error(new Refusal(404, 40410000, "position does not exist"));
        }
        return new Reply(200, positionJson(symbol, h));
    }

    synchronized Reply listOrders(String status, int limit) {
        List<FakeOrder> list = new ArrayList<>(orders.values());
        list.sort(Comparator.comparing((FakeOrder o) -> o.createdAt).reversed());
        ArrayNode out = json.createArrayNode();
        for (FakeOrder o : list) {
            boolean want = switch (status) {
                case "closed" -> !o.isOpen();
                case "all" -> true;
                default -> o.isOpen();
            };
            if (want && out.size() < limit) {
                out.add(orderJson(o));
            }
        }
        return new Reply(200, out);
    }

    synchronized Reply orderById(String id) {
        FakeOrder o = orders.get(id);
        return o == null ? error(new Refusal(404, 40410000, "order not found for " + id)) : new Reply(200, orderJson(o));
    }

    synchronized Reply orderByClientId(String clientOrderId) {
        return orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).findFirst()
                .map(o -> new Reply(200, orderJson(o)))
                .orElseGet(() -> error(new Refusal(404, 40410000, "order not found for " + clientOrderId)));
    }

    /** POST /v2/orders: validates, records and (when marketable) fills an order; returns the refusal or the order. */
    synchronized Reply submit(JsonNode body) {
        Refusal refusal = validate(body);
        if (refusal != null) {
            return error(refusal);
        }
        FakeOrder o = new FakeOrder();
        String cid = text(body, "client_order_id");
        o.clientOrderId = cid == null ? UUID.randomUUID().toString() : cid;
        o.symbol = text(body, "symbol").toUpperCase(Locale.ROOT);
        o.side = text(body, "side");
        o.type = text(body, "type");
        o.tif = text(body, "time_in_force");
        o.qty = decimal(body, "qty").stripTrailingZeros();
        o.limitPrice = decimal(body, "limit_price");
        o.stopPrice = decimal(body, "stop_price");
        refusal = affordable(o);
        if (refusal != null) {
            return error(refusal);
        }
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        boolean auction = o.tif.equals("opg") || o.tif.equals("cls");
        o.status = open && !auction ? "new" : "accepted";
        orders.put(o.id, o);
        clientOrderIds.add(o.clientOrderId);
        tryFill(o, true);
        return new Reply(200, orderJson(o));
    }

    synchronized Reply cancel(String id) {
        FakeOrder o = orders.get(id);
        if (o == null) {
            return error(new Refusal(404, 40410000, "order not found for " + id));
        }
        if (!o.isOpen()) {
            return error(new Refusal(422, 42210000, "order is not cancelable"));
        }
        cancelNow(o);
        return new Reply(204, null);
    }

    synchronized Reply cancelAll() {
        ArrayNode out = json.createArrayNode();
        for (FakeOrder o : orders.values()) {
            if (o.isOpen()) {
                cancelNow(o);
                ObjectNode item = out.addObject();
                item.put("id", o.id);
                item.put("status", 200);
                item.set("body", orderJson(o));
            }
        }
        return new Reply(207, out);
    }

    /** DELETE /v2/positions: optionally cancels every open order, then sends a market order closing each position. */
    synchronized Reply closeAll(boolean cancelOrders) {
        if (cancelOrders) {
            orders.values().stream().filter(FakeOrder::isOpen).forEach(this::cancelNow);
        }
        ArrayNode out = json.createArrayNode();
        for (String symbol : List.copyOf(holdings.keySet())) {
            Holding h = holdings.get(symbol);
            if (h.qty.signum() == 0) {
                continue;
            }
            ObjectNode item = out.addObject();
            item.put("symbol", symbol);
            String failure = closeFailures.remove(symbol);
            if (failure != null) {
                item.put("status", 403);
                ObjectNode err = item.putObject("body");
                err.put("code", 40310000);
                err.put("message", failure);
                continue;
            }
            item.put("status", 200);
            item.set("body", orderJson(closingOrder(symbol, h)));
        }
        return new Reply(207, out);
    }

    /** DELETE /v2/positions/{symbol}: a market order for the whole position. */
    synchronized Reply closePosition(String symbol) {
        Holding h = holdings.get(symbol);
        if (h == null || h.qty.signum() == 0) {
            return error(new Refusal(404, 40410000, "position does not exist"));
        }
        if (orders.values().stream().anyMatch(o -> o.isOpen() && o.symbol.equals(symbol))) {
            // Alpaca refuses while other orders hold the shares.
            return error(new Refusal(403, 40310000, "insufficient qty available for order (requested: "
                    + plain(h.qty.abs()) + ", available: 0)"));
        }
        return new Reply(200, orderJson(closingOrder(symbol, h)));
    }

    synchronized Reply latestQuote(String symbol) {
        if (rawQuotes.containsKey(symbol)) {
            ObjectNode out = json.createObjectNode();
            out.put("symbol", symbol);
            out.set("quote", rawQuotes.get(symbol).deepCopy());
            return new Reply(200, out);
        }
        Price p = quotes.get(symbol);
        if (p == null) {
            return error(new Refusal(404, 40410000, "no quote found for " + symbol));
        }
        ObjectNode out = json.createObjectNode();
        out.put("symbol", symbol);
        ObjectNode q = out.putObject("quote");
        q.put("t", p.at().toString());
        q.put("ax", "V");
        q.put("ap", p.ask().doubleValue());
        q.put("as", 3);
        q.put("bx", "V");
        q.put("bp", p.bid().doubleValue());
        q.put("bs", 2);
        q.putArray("c").add("R");
        q.put("z", "C");
        return new Reply(200, out);
    }

    // ---- order life cycle ----------------------------------------------------------------------

    private Refusal validate(JsonNode b) {
        String symbol = text(b, "symbol");
        String side = text(b, "side");
        String type = text(b, "type");
        String tif = text(b, "time_in_force");
        BigDecimal qty = decimal(b, "qty");
        if (symbol == null || symbol.isBlank()) {
            return new Refusal(422, 40010001, "symbol is required");
        }
        if (qty == null || qty.signum() <= 0) {
            return new Refusal(422, 40010001, "qty must be > 0");
        }
        if (!"buy".equals(side) && !"sell".equals(side)) {
            return new Refusal(422, 40010001, "invalid side");
        }
        if (type == null || !Set.of("market", "limit", "stop", "stop_limit").contains(type)) {
            return new Refusal(422, 40010001, "invalid order type");
        }
        if (tif == null || !Set.of("day", "gtc", "opg", "cls", "ioc", "fok").contains(tif)) {
            return new Refusal(422, 40010001, "invalid time_in_force");
        }
        if ((type.equals("limit") || type.equals("stop_limit")) && decimal(b, "limit_price") == null) {
            return new Refusal(422, 40010001, "limit_price is required for " + type + " orders");
        }
        if ((type.equals("stop") || type.equals("stop_limit")) && decimal(b, "stop_price") == null) {
            return new Refusal(422, 40010001, "stop_price is required for " + type + " orders");
        }
        if ((tif.equals("opg") || tif.equals("cls")) && !(type.equals("market") || type.equals("limit"))) {
            return new Refusal(422, 40010001, "opg and cls orders must be market or limit orders");
        }
        String cid = text(b, "client_order_id");
        if (cid != null && cid.length() > 128) {
            return new Refusal(422, 40010001, "client_order_id must be no more than 128 characters");
        }
        if (cid != null && clientOrderIds.contains(cid)) {
            return new Refusal(422, 40010001, "client_order_id must be unique");
        }
        return null;
    }

    private Refusal affordable(FakeOrder o) {
        if (o.side.equals("buy")) {
            Price p = quotes.get(o.symbol);
            BigDecimal price = o.limitPrice != null ? o.limitPrice : p != null ? p.ask() : BigDecimal.ZERO;
            if (o.qty.multiply(price).compareTo(buyingPower()) > 0) {
                return new Refusal(403, 40310000, "insufficient buying power");
            }
            return null;
        }
        Holding h = holdings.get(o.symbol);
        BigDecimal held = h == null ? BigDecimal.ZERO : h.qty;
        BigDecimal reserved = orders.values().stream().filter(x -> x.isOpen() && x.side.equals("sell") && x.symbol.equals(o.symbol))
                .map(FakeOrder::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = held.subtract(reserved).max(BigDecimal.ZERO);
        if (o.qty.compareTo(available) > 0) {
            return new Refusal(403, 40310000, "insufficient qty available for order (requested: " + plain(o.qty)
                    + ", available: " + plain(available) + ")");
        }
        return null;
    }

    private void fillResting(String symbol) {
        for (FakeOrder o : List.copyOf(orders.values())) {
            if (o.symbol.equals(symbol)) {
                tryFill(o);
            }
        }
    }

    private void tryFill(FakeOrder o) {
        tryFill(o, false);
    }

    /** {@code arriving}: the order is being submitted; a marketable limit then fills at the quote (price improvement). */
    private void tryFill(FakeOrder o, boolean arriving) {
        if (!o.isOpen() || !open || o.tif.equals("opg") || o.tif.equals("cls")) {
            return;
        }
        Price p = quotes.get(o.symbol);
        if (p == null) {
            return;
        }
        boolean buy = o.side.equals("buy");
        if (o.type.equals("stop") || o.type.equals("stop_limit")) {
            if (!o.stopTriggered) {
                o.stopTriggered = buy ? p.last().compareTo(o.stopPrice) >= 0 : p.last().compareTo(o.stopPrice) <= 0;
            }
            if (!o.stopTriggered) {
                return;
            }
        }
        if (o.type.equals("market") || o.type.equals("stop")) {
            fill(o, o.remaining(), buy ? p.ask() : p.bid());
        } else if (buy ? p.ask().compareTo(o.limitPrice) <= 0 : p.bid().compareTo(o.limitPrice) >= 0) {
            fill(o, o.remaining(), arriving ? (buy ? p.ask() : p.bid()) : o.limitPrice);
        }
    }

    private void fill(FakeOrder o, BigDecimal qty, BigDecimal price) {
        if (qty.signum() <= 0) {
            return;
        }
        BigDecimal before = o.filledQty;
        o.filledQty = before.add(qty);
        o.filledAvgPrice = o.filledAvgPrice == null ? price
                : o.filledAvgPrice.multiply(before).add(price.multiply(qty)).divide(o.filledQty, MC);
        o.status = o.remaining().signum() == 0 ? "filled" : "partially_filled";
        o.updatedAt = Instant.now();
        if (o.remaining().signum() == 0) {
            o.filledAt = o.updatedAt;
        }
        BigDecimal signed = o.side.equals("buy") ? qty : qty.negate();
        cash = cash.subtract(signed.multiply(price));
        Holding h = holdings.computeIfAbsent(o.symbol, s -> new Holding());
        BigDecimal newQty = h.qty.add(signed);
        if (h.qty.signum() == 0 || h.qty.signum() == signed.signum()) {
            // Adding to (or opening) a position moves the average entry price.
            h.avgPrice = h.avgPrice.multiply(h.qty).add(price.multiply(signed)).divide(newQty, MC);
        } else if (newQty.signum() != 0 && newQty.signum() != h.qty.signum()) {
            h.avgPrice = price;
        }
        h.qty = newQty;
        if (newQty.signum() == 0) {
            h.avgPrice = BigDecimal.ZERO;
        }
    }

    private void cancelNow(FakeOrder o) {
        o.status = "canceled";
        o.canceledAt = Instant.now();
        o.updatedAt = o.canceledAt;
    }

    private FakeOrder closingOrder(String symbol, Holding h) {
        FakeOrder o = new FakeOrder();
        o.clientOrderId = UUID.randomUUID().toString();
        o.symbol = symbol;
        o.side = h.qty.signum() > 0 ? "sell" : "buy";
        o.type = "market";
        o.tif = "day";
        o.qty = h.qty.abs();
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        o.status = open ? "new" : "accepted";
        orders.put(o.id, o);
        clientOrderIds.add(o.clientOrderId);
        tryFill(o);
        return o;
    }

    private BigDecimal equity() {
        BigDecimal value = cash;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            value = value.add(e.getValue().qty.multiply(last(e.getKey(), e.getValue())));
        }
        return value;
    }

    private BigDecimal buyingPower() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (FakeOrder o : orders.values()) {
            if (o.isOpen() && o.side.equals("buy")) {
                Price p = quotes.get(o.symbol);
                BigDecimal price = o.limitPrice != null ? o.limitPrice : p != null ? p.ask() : BigDecimal.ZERO;
                reserved = reserved.add(o.remaining().multiply(price));
            }
        }
        return cash.subtract(reserved).max(BigDecimal.ZERO);
    }

    private BigDecimal last(String symbol, Holding h) {
        Price p = quotes.get(symbol);
        return p == null ? h.avgPrice : p.last();
    }

    // ---- JSON ----------------------------------------------------------------------------------

    private ObjectNode positionJson(String symbol, Holding h) {
        BigDecimal last = last(symbol, h);
        BigDecimal value = h.qty.multiply(last);
        BigDecimal cost = h.qty.multiply(h.avgPrice);
        ObjectNode p = json.createObjectNode();
        p.put("asset_id", UUID.nameUUIDFromBytes(symbol.getBytes()).toString());
        p.put("symbol", symbol);
        p.put("exchange", "NASDAQ");
        p.put("asset_class", "us_equity");
        p.put("asset_marginable", true);
        p.put("avg_entry_price", plain(h.avgPrice));
        p.put("qty", plain(h.qty));
        p.put("qty_available", plain(h.qty));
        p.put("side", h.qty.signum() >= 0 ? "long" : "short");
        p.put("market_value", plain(value));
        p.put("cost_basis", plain(cost));
        p.put("unrealized_pl", plain(value.subtract(cost)));
        p.put("unrealized_plpc", cost.signum() == 0 ? "0" : plain(value.subtract(cost).divide(cost.abs(), MC)));
        p.put("unrealized_intraday_pl", plain(value.subtract(cost)));
        p.put("unrealized_intraday_plpc", "0");
        p.put("current_price", plain(last));
        p.put("lastday_price", plain(last));
        p.put("change_today", "0");
        return p;
    }

    ObjectNode orderJson(FakeOrder o) {
        ObjectNode j = json.createObjectNode();
        j.put("id", o.id);
        j.put("client_order_id", o.clientOrderId);
        j.put("created_at", o.createdAt.toString());
        j.put("updated_at", o.updatedAt.toString());
        j.put("submitted_at", o.createdAt.toString());
        putTime(j, "filled_at", o.filledAt);
        j.putNull("expired_at");
        putTime(j, "canceled_at", o.canceledAt);
        putTime(j, "failed_at", o.failedAt);
        j.putNull("replaced_at");
        j.putNull("replaced_by");
        j.putNull("replaces");
        j.put("asset_id", UUID.nameUUIDFromBytes(o.symbol.getBytes()).toString());
        j.put("symbol", o.symbol);
        j.put("asset_class", "us_equity");
        j.putNull("notional");
        j.put("qty", plain(o.qty));
        j.put("filled_qty", plain(o.filledQty));
        if (o.filledAvgPrice == null) {
            j.putNull("filled_avg_price");
        } else {
            j.put("filled_avg_price", plain(o.filledAvgPrice.setScale(4, RoundingMode.HALF_EVEN)));
        }
        j.put("order_class", "");
        j.put("order_type", o.type);
        j.put("type", o.type);
        j.put("side", o.side);
        j.put("position_intent", o.side.equals("buy") ? "buy_to_open" : "sell_to_close");
        j.put("time_in_force", o.tif);
        putDecimal(j, "limit_price", o.limitPrice);
        putDecimal(j, "stop_price", o.stopPrice);
        j.put("status", o.status);
        j.put("extended_hours", false);
        j.putNull("legs");
        j.putNull("trail_percent");
        j.putNull("trail_price");
        j.putNull("hwm");
        j.put("subtag", (String) null);
        j.put("source", (String) null);
        return j;
    }

    Reply error(Refusal r) {
        ObjectNode e = json.createObjectNode();
        e.put("code", r.code());
        e.put("message", r.message());
        return new Reply(r.status(), e);
    }

    private static void putTime(ObjectNode j, String field, Instant t) {
        if (t == null) {
            j.putNull(field);
        } else {
            j.put(field, t.toString());
        }
    }

    private static void putDecimal(ObjectNode j, String field, BigDecimal v) {
        if (v == null) {
            j.putNull(field);
        } else {
            j.put(field, plain(v));
        }
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Alpaca takes numbers as JSON numbers or strings. */
    private static BigDecimal decimal(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO.negate();
        }
    }
}
