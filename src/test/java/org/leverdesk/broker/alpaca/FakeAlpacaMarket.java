package org.leverdesk.broker.alpaca;

import static org.leverdesk.broker.alpaca.FakeAlpacaJson.MC;
import static org.leverdesk.broker.alpaca.FakeAlpacaJson.plain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The account and order book behind {@link FakeAlpacaServer}, following Alpaca's rules in time:
 * <ul>
 *   <li>an order is answered {@code accepted} (or {@code pending_new} while {@link Timing#accept} runs)
 *       with nothing filled, is routed ({@code new}) when its session is open, and fills {@link Timing#fill}
 *       later at the quote then in force (buys at the ask, sells at the bid, limits at the limit when
 *       marketable, stops once the last trades through them);</li>
 *   <li>a cancel answers at once and takes {@link Timing#cancel} ({@code pending_cancel} → {@code canceled});
 *       a replace takes as long ({@code pending_replace} → {@code replaced}, the new order then accepted);</li>
 *   <li>OPG orders are rejected from 9:28 to 19:00 ET on trading days and trade only in their session's
 *       opening auction (unfilled ones are cancelled); CLS orders are rejected from 10 minutes before
 *       the close to 19:00 ET and trade only in the closing auction; a DAY order still open at the close
 *       is {@code done_for_day}, then {@code expired} {@link Timing#expire} later; an order sent while
 *       the market is closed waits for its session's open;</li>
 *   <li>sessions follow the NYSE calendar at the simulated time, or are opened and closed by hand.</li>
 * </ul>
 * A cash account (buying power = cash less what open buys hold back) that refuses selling shares it
 * does not hold or that open sell orders already hold, as Alpaca does for an account without shorting.
 * Every method is synchronized and first catches up with the simulated time.
 */
final class FakeAlpacaMarket {
    static final BigDecimal START_CASH = new BigDecimal("100000");
    private static final Set<String> SPEC_STATUSES = Set.of("new", "partially_filled", "filled", "done_for_day", "canceled",
            "expired", "replaced", "pending_cancel", "pending_replace", "accepted", "pending_new", "accepted_for_bidding",
            "stopped", "rejected", "suspended", "calculated", "held");

    /**
     * How long Alpaca's asynchronous steps take in simulated time. {@code immediate} does every step
     * within the request that causes it (the order answer is already filled, a cancel is done at once).
     */
    public record Timing(Duration accept, Duration fill, Duration cancel, Duration expire, boolean immediate) {
        /** Alpaca-like: accepted at once, filled 50 ms later, cancelled 100 ms after the request, expired 2 minutes after the close. */
        public static Timing alpaca() {
            return new Timing(Duration.ZERO, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(2), false);
        }

        /** Everything at once, within the request (for tests on the machine's clock). */
        public static Timing synchronous() {
            return new Timing(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, true);
        }

        public Timing withAccept(Duration d) {
            return new Timing(d, fill, cancel, expire, immediate);
        }

        public Timing withFill(Duration d) {
            return new Timing(accept, d, cancel, expire, immediate);
        }

        public Timing withCancel(Duration d) {
            return new Timing(accept, fill, d, expire, immediate);
        }

        /** Long enough for every step an order, cancel or replace started now can take within a session. */
        Duration settle() {
            return accept.plus(fill).plus(cancel).multipliedBy(2).plusMillis(5);
        }
    }

    /** A failure to answer with: HTTP status, Alpaca's code and message, and extra fields Alpaca adds. */
    record Refusal(int status, int code, String message, ObjectNode extra) {
        Refusal(int status, int code, String message) {
            this(status, code, message, null);
        }
    }

    /** An answer: status, JSON body, and why it departs from the spec on purpose (null when it does not). */
    record Reply(int status, JsonNode body, String offSpec) {
        Reply(int status, JsonNode body) {
            this(status, body, null);
        }
    }

    private record Price(BigDecimal bid, BigDecimal ask, BigDecimal last, Instant at) {
    }

    private static final class Holding {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal avgPrice = BigDecimal.ZERO;
    }

    private final SimulatedTime time;
    private final FakeAlpacaSessions sessions;
    private Timing timing;
    private Instant processed;
    private BigDecimal cash = START_CASH;
    private BigDecimal lastEquity = START_CASH;
    private boolean legacyPdtFields;
    private final Map<String, Price> quotes = new HashMap<>();
    /** Where quotes come from when a test sets one (see {@link #setQuoteSource}); null: only quotes set by hand. */
    private FakeAlpacaServer.QuoteSource quoteSource;
    /** Where the snapshots endpoint's chain comes from (see {@link #setChainSource}); null: the quoted contracts. */
    private FakeAlpacaServer.ChainSource chainSource;
    /** The chain source's last answer and the question it answered (see {@link #sourcedSnapshots}). */
    private String sourcedKey;
    private Map<String, FakeAlpacaServer.Snapshot> sourced;
    /** The next mleg order rests though marketable (see {@link #holdNextMultiLeg}). */
    private boolean holdNextMultiLeg;
    /** Every fill in order (an mleg order's by leg), as Alpaca's FILL activities would list them. */
    private final List<FakeAlpacaServer.Execution> executions = new ArrayList<>();
    private final Map<String, Holding> holdings = new TreeMap<>();
    private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
    private final Set<String> clientOrderIds = new HashSet<>();
    private final Map<String, String> closeFailures = new HashMap<>();
    private final Set<String> cancelFailures = new HashSet<>();
    private final Map<String, ObjectNode> rawQuotes = new HashMap<>();
    /** Options: the level, Greeks, do-not-exercise instructions and activities (see {@link FakeAlpacaOptionBook}). */
    private final FakeAlpacaOptionBook options = new FakeAlpacaOptionBook();

    FakeAlpacaMarket(SimulatedTime time, FakeAlpacaSessions sessions, Timing timing) {
        this.time = time;
        this.sessions = sessions;
        this.timing = timing;
        this.processed = time.instant();
    }

    // ---- time ----------------------------------------------------------------------------------

    synchronized Instant now() {
        catchUp();
        return processed;
    }

    synchronized void setTiming(Timing t) {
        catchUp();
        timing = t;
    }

    synchronized Timing timing() {
        return timing;
    }

    FakeAlpacaSessions sessions() {
        return sessions;
    }

    /** Moves the simulated time forward to {@code at}, doing everything due on the way. */
    synchronized void advanceTo(Instant at) {
        catchUp();
        if (at.isAfter(processed)) {
            time.set(at);
            catchUp();
            if (quoteSource != null) {
                Set<String> symbols = new java.util.TreeSet<>(quotes.keySet());
                holdings.forEach((symbol, h) -> {
                    if (h.qty.signum() != 0) {
                        symbols.add(symbol);
                    }
                });
                symbols.forEach(this::pull);
            }
        }
    }

    /** Lets every pending acceptance, fill, cancel and replace finish. */
    synchronized void settle() {
        advanceTo(time.instant().plus(timing.settle()));
    }

    /**
     * Does, in order of time, everything due up to the simulated now: order timers and (on the
     * calendar) the opening and closing of sessions with their auctions.
     */
    private void catchUp() {
        Instant now = time.instant();
        while (true) {
            Instant timer = null;
            for (FakeOrder o : orders.values()) {
                Instant t = o.nextTimer();
                if (t != null && (timer == null || t.isBefore(timer))) {
                    timer = t;
                }
            }
            Optional<FakeAlpacaSessions.Boundary> boundary = sessions.nextBoundary(processed);
            boolean boundaryFirst = boundary.isPresent() && (timer == null || !boundary.get().at().isAfter(timer));
            Instant next = boundaryFirst ? boundary.get().at() : timer;
            if (next == null || next.isAfter(now)) {
                break;
            }
            if (next.isAfter(processed)) {
                processed = next;
            }
            if (boundaryFirst) {
                boundary(boundary.get());
            } else {
                fireTimers(next);
            }
        }
        if (now.isAfter(processed)) {
            processed = now;
        }
    }

    private void fireTimers(Instant at) {
        for (FakeOrder o : List.copyOf(orders.values())) {
            if (due(o.acceptAt, at)) {
                o.acceptAt = null;
                if (o.status.equals("pending_new")) {
                    set(o, "accepted", at);
                }
                if (o.status.equals("accepted")) {
                    route(o, at);
                }
            }
            if (due(o.replaceAt, at)) {
                o.replaceAt = null;
                if (o.status.equals("pending_replace")) {
                    set(o, "replaced", at);
                    o.replacedAt = at;
                }
            }
            if (due(o.cancelAt, at)) {
                o.cancelAt = null;
                if (o.status.equals("pending_cancel")) {
                    cancelNow(o, at);
                }
            }
            if (due(o.fillAt, at)) {
                o.fillAt = null;
                tryFill(o, at);
                endUnfilledImmediateOrder(o, at);
            }
            if (due(o.expireAt, at)) {
                o.expireAt = null;
                if (o.status.equals("done_for_day")) {
                    set(o, "expired", at);
                    o.expiredAt = at;
                    legsFollow(o, at);
                }
            }
        }
    }

    private static boolean due(Instant timer, Instant at) {
        return timer != null && !timer.isAfter(at);
    }

    /** A session opens (opening auction, then queued orders are routed) or closes (closing auction, then day orders end). */
    private void boundary(FakeAlpacaSessions.Boundary b) {
        if (b.open()) {
            lastEquity = equity();
            auction("opg", b.session(), b.at());
            for (FakeOrder o : List.copyOf(orders.values())) {
                if (o.status.equals("accepted") && o.acceptAt == null && !o.isAuction() && o.session <= b.session()) {
                    route(o, b.at());
                } else if (o.legs != null) {
                    tryFillMultiLeg(o, b.at()); // a multi-leg order sent while closed meets the opening quotes
                }
            }
        } else {
            auction("cls", b.session(), b.at());
            for (FakeOrder o : List.copyOf(orders.values())) {
                boolean live = o.isWorking() || o.status.equals("accepted") || o.status.equals("pending_new");
                if (o.tif.equals("day") && live && o.session <= b.session()) {
                    set(o, "done_for_day", b.at());
                    o.acceptAt = null;
                    o.fillAt = null;
                    o.expireAt = b.at().plus(timing.expire());
                    if (timing.immediate() || timing.expire().isZero()) {
                        o.expireAt = null;
                        set(o, "expired", b.at());
                        o.expiredAt = b.at();
                    }
                    legsFollow(o, b.at());
                }
            }
        }
    }

    /**
     * The opening or closing auction of {@code session}: its market orders fill at the quote (buy at the
     * ask, sell at the bid), its limit orders at their limit when marketable, and the rest are cancelled,
     * as Alpaca cancels auction orders the auction did not fill.
     */
    private void auction(String tif, long session, Instant at) {
        for (FakeOrder o : List.copyOf(orders.values())) {
            if (!o.isOpen() || !o.tif.equals(tif) || o.session > session || o.status.equals("pending_cancel")) {
                continue;
            }
            Price p = quotes.get(o.symbol);
            boolean buy = o.side.equals("buy");
            if (p != null && o.type.equals("market")) {
                fill(o, o.remaining(), buy ? p.ask() : p.bid(), at);
            } else if (p != null && (buy ? p.ask().compareTo(o.limitPrice) <= 0 : p.bid().compareTo(o.limitPrice) >= 0)) {
                // An auction crosses at one price: a marketable limit fills at the quote.
                fill(o, o.remaining(), buy ? p.ask() : p.bid(), at);
            } else {
                cancelNow(o, at);
            }
        }
    }

    /** An accepted order reaches the exchange when its session is open; it fills {@link Timing#fill} later if marketable. */
    private void route(FakeOrder o, Instant at) {
        if (o.isAuction() || !sessions.isOpen(at) || o.session > sessions.sessionFor(at)) {
            return;
        }
        set(o, "new", at);
        o.fillAt = at.plus(timing.fill());
        if (timing.immediate()) {
            o.fillAt = null;
            tryFill(o, at);
            endUnfilledImmediateOrder(o, at);
        }
    }

    /** IOC and FOK orders that could not fill when they reached the exchange are cancelled. */
    private void endUnfilledImmediateOrder(FakeOrder o, Instant at) {
        if ((o.tif.equals("ioc") || o.tif.equals("fok")) && o.isWorking()) {
            cancelNow(o, at);
        }
    }

    // ---- test controls -------------------------------------------------------------------------


    /**
     * Quotes come from {@code source} from now on (a replay's synthetic chains and daily bars): a symbol is asked for
     * when it is quoted or ordered, and every quoted or held symbol again each time the simulated time moves on.
     */
    synchronized void setQuoteSource(FakeAlpacaServer.QuoteSource source) {
        catchUp();
        quoteSource = source;
    }

    synchronized void setChainSource(FakeAlpacaServer.ChainSource source) {
        catchUp();
        chainSource = source;
    }

    synchronized void holdNextMultiLeg() {
        holdNextMultiLeg = true;
    }

    /** Takes {@code symbol}'s quote at the processed time from the quote source, if any (resting orders may fill). */
    synchronized List<FakeAlpacaServer.Execution> executions() {
        catchUp();
        return List.copyOf(executions);
    }

    private void pull(String symbol) {
        if (quoteSource == null) {
            return;
        }
        double[] q = quoteSource.quote(symbol, processed);
        if (q != null) {
            quotes.put(symbol, new Price(BigDecimal.valueOf(q[0]), BigDecimal.valueOf(q[1]), BigDecimal.valueOf(q[2]), processed));
            fillResting(symbol);
        }
    }

    synchronized void setQuote(String symbol, double bid, double ask) {
        catchUp();
        BigDecimal b = BigDecimal.valueOf(bid);
        BigDecimal a = BigDecimal.valueOf(ask);
        quotes.put(symbol, new Price(b, a, b.add(a).divide(BigDecimal.TWO, MC), processed));
        fillResting(symbol);
    }

    /** Sets the last trade price alone (for stop orders), keeping bid and ask. */
    synchronized void setLast(String symbol, double last) {
        catchUp();
        Price p = quotes.get(symbol);
        if (p == null) {
            throw new IllegalStateException("set a quote for " + symbol + " first");
        }
        quotes.put(symbol, new Price(p.bid(), p.ask(), BigDecimal.valueOf(last), processed));
        fillResting(symbol);
    }

    /** The latest-quote endpoint answers these raw values for {@code symbol} (null fields stay null). */
    synchronized void setRawQuote(String symbol, Double bid, Double ask, Instant at) {
        ObjectNode q = FakeAlpacaJson.mapper().createObjectNode();
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
        catchUp();
        return sessions.isOpen(processed);
    }

    /** Ends the session: the closing auction, then day orders end. On the calendar the time moves past the close and the expiry. */
    synchronized void closeMarket() {
        catchUp();
        if (sessions.isByHand()) {
            if (sessions.isOpen(processed)) {
                boundary(new FakeAlpacaSessions.Boundary(processed, false, sessions.currentByHand()));
                sessions.closeByHand();
            }
            return;
        }
        Optional<Instant> close = sessions.closeOfCurrent(processed);
        if (close.isPresent()) {
            advanceTo(close.get().plus(timing.expire()).plusSeconds(1));
        }
    }

    /** Opens the next session: the opening auction, then queued orders are routed. On the calendar the time moves to that open. */
    synchronized void openSession() {
        catchUp();
        if (sessions.isByHand()) {
            if (!sessions.isOpen(processed)) {
                long n = sessions.openByHand();
                boundary(new FakeAlpacaSessions.Boundary(processed, true, n));
                for (String symbol : Set.copyOf(quotes.keySet())) {
                    fillResting(symbol);
                }
            }
            return;
        }
        if (!sessions.isOpen(processed)) {
            advanceTo(sessions.nextOpen(processed).plusMillis(1));
        }
    }

    synchronized void includeLegacyPdtFields(boolean include) {
        legacyPdtFields = include;
    }

    /** The next DELETE /v2/positions fails for {@code symbol} with {@code message}. */
    synchronized void failClosing(String symbol, String message) {
        closeFailures.put(symbol, message);
    }

    /** Cancel-all answers HTTP 500 for this order (Alpaca's "no longer cancelable") and leaves it open. */
    synchronized void failCancel(String clientOrderId) {
        cancelFailures.add(byClientId(clientOrderId).id);
    }

    /** Fills {@code qty} of an open order at its limit or the current bid/ask, leaving it partially filled. */
    synchronized void partialFill(String clientOrderId, BigDecimal qty) {
        catchUp();
        FakeOrder o = byClientId(clientOrderId);
        if (o.legs != null) {
            // a multi-leg order: qty whole units of it, every leg its ratio × qty at the quotes (all legs alike)
            fillMultiLeg(o, qty.min(o.remaining()), processed);
            return;
        }
        Price p = quotes.get(o.symbol);
        BigDecimal price = o.limitPrice != null ? o.limitPrice : o.side.equals("buy") ? p.ask() : p.bid();
        fill(o, qty.min(o.remaining()), price, processed);
    }

    /** Alpaca (or the exchange) rejects an order it had accepted. */
    synchronized void rejectOrder(String clientOrderId) {
        catchUp();
        FakeOrder o = byClientId(clientOrderId);
        clearTimers(o);
        set(o, "rejected", processed);
        o.failedAt = processed;
    }

    /** Sets an order's status string as is (e.g. one newer than the specification knows: its answers are then off-spec). */
    synchronized void forceStatus(String clientOrderId, String status) {
        catchUp();
        FakeOrder o = byClientId(clientOrderId);
        o.status = status;
        o.offSpec = !SPEC_STATUSES.contains(status);
    }

    /** A person replaces an open order at Alpaca (its dashboard): the same as PATCH /v2/orders/{id}. */
    synchronized Reply replaceByHand(String clientOrderId, BigDecimal qty, BigDecimal limitPrice) {
        ObjectNode body = FakeAlpacaJson.mapper().createObjectNode();
        if (qty != null) {
            body.put("qty", plain(qty));
        }
        if (limitPrice != null) {
            body.put("limit_price", plain(limitPrice));
        }
        return replace(byClientId(clientOrderId).id, body);
    }

    synchronized int orderCount() {
        return orders.size();
    }

    synchronized long ordersWithClientId(String clientOrderId) {
        return orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).count();
    }

    /** The status string of the order with {@code clientOrderId} now. */
    synchronized String statusOf(String clientOrderId) {
        catchUp();
        return byClientId(clientOrderId).status;
    }

    /** Every order's Alpaca status now, by client order id, in submission order. */
    synchronized Map<String, String> statuses() {
        catchUp();
        Map<String, String> out = new LinkedHashMap<>();
        orders.values().forEach(o -> out.put(o.clientOrderId, o.status));
        return out;
    }

    synchronized BigDecimal heldQuantity(String symbol) {
        catchUp();
        Holding h = holdings.get(symbol);
        return h == null ? BigDecimal.ZERO : h.qty;
    }

    private FakeOrder byClientId(String clientOrderId) {
        return orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order " + clientOrderId));
    }

    // ---- REST endpoints ------------------------------------------------------------------------

    synchronized Reply account() {
        catchUp();
        ObjectNode a = FakeAlpacaJson.mapper().createObjectNode();
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
        a.put("options_approved_level", options.level);
        a.put("options_trading_level", options.level);
        a.put("options_buying_power", plain(buyingPower()));
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
        catchUp();
        ArrayNode out = FakeAlpacaJson.mapper().createArrayNode();
        holdings.forEach((symbol, h) -> {
            if (h.qty.signum() != 0) {
                out.add(positionJson(symbol, h));
            }
        });
        return new Reply(200, out);
    }

    synchronized Reply position(String symbol) {
        catchUp();
        Holding h = holdings.get(symbol);
        if (h == null || h.qty.signum() == 0) {
            return error(new Refusal(404, 40410000, "position does not exist"));
        }
        return new Reply(200, positionJson(symbol, h));
    }

    synchronized Reply listOrders(String status, int limit, Set<String> symbols, boolean ascending) {
        catchUp();
        List<FakeOrder> list = new ArrayList<>(orders.values());
        Comparator<FakeOrder> bySubmission = Comparator.comparing((FakeOrder o) -> o.createdAt);
        list.sort(ascending ? bySubmission : bySubmission.reversed());
        List<FakeOrder> picked = new ArrayList<>();
        for (FakeOrder o : list) {
            boolean want = switch (status) {
                case "closed" -> !o.isOpen();
                case "all" -> true;
                default -> o.isOpen();
            };
            if (want && (symbols.isEmpty() || symbols.contains(o.symbol)) && picked.size() < limit) {
                picked.add(o);
            }
        }
        ArrayNode out = FakeAlpacaJson.mapper().createArrayNode();
        picked.forEach(o -> out.add(FakeAlpacaJson.order(o)));
        return reply(200, out, picked);
    }

    synchronized Reply orderById(String id) {
        catchUp();
        FakeOrder o = orders.get(id);
        return o == null ? error(new Refusal(404, 40410000, "order not found for " + id)) : reply(200, FakeAlpacaJson.order(o), List.of(o));
    }

    synchronized Reply orderByClientId(String clientOrderId) {
        catchUp();
        return orders.values().stream().filter(o -> o.clientOrderId.equals(clientOrderId)).findFirst()
                .map(o -> reply(200, FakeAlpacaJson.order(o), List.of(o)))
                .orElseGet(() -> error(new Refusal(404, 40410000, "order not found for " + clientOrderId)));
    }

    /** POST /v2/orders: validates and records an order; the answer shows it before anything filled (unless synchronous). */
    synchronized Reply submit(JsonNode body) {
        catchUp();
        if (quoteSource != null && body.hasNonNull("symbol")) {
            pull(body.get("symbol").asText());
        }
        if ("mleg".equals(text(body, "order_class"))) {
            return submitMultiLeg(body);
        }
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
        Optional<Long> session = switch (o.tif) {
            case "opg" -> sessions.opgSession(processed);
            case "cls" -> sessions.clsSession(processed);
            default -> Optional.of(sessions.sessionFor(processed));
        };
        if (session.isEmpty()) {
            return error(new Refusal(422, 42210000, o.tif.equals("opg")
                    ? "opg orders must be submitted before 9:28am or after 7:00pm ET"
                    : "cls orders must be submitted before 3:50pm or after 7:00pm ET"));
        }
        o.session = session.get();
        refusal = affordable(o);
        if (refusal != null) {
            return error(refusal);
        }
        record(o);
        return reply(200, FakeAlpacaJson.order(o), List.of(o));
    }

    /** Records a new order as Alpaca answers it: pending_new while acceptance runs, else accepted; routing comes after. */
    private void record(FakeOrder o) {
        o.createdAt = processed;
        o.updatedAt = processed;
        o.status = timing.accept().isZero() ? "accepted" : "pending_new";
        o.acceptAt = processed.plus(timing.accept());
        orders.put(o.id, o);
        clientOrderIds.add(o.clientOrderId);
        if (timing.immediate()) {
            o.acceptAt = null;
            route(o, processed);
        }
    }

    synchronized Reply cancel(String id) {
        catchUp();
        FakeOrder o = orders.get(id);
        if (o == null) {
            return error(new Refusal(404, 40410000, "order not found for " + id));
        }
        if (!o.isOpen() || o.status.equals("pending_cancel") || o.status.equals("pending_replace")) {
            return error(new Refusal(422, 42210000, "order is not cancelable (status " + o.status + ")"));
        }
        requestCancel(o);
        return new Reply(204, null);
    }

    /** DELETE /v2/orders: asks to cancel every open order; 207 with {id, status} per order, 500 for one that cannot be. */
    synchronized Reply cancelAll() {
        catchUp();
        ArrayNode out = FakeAlpacaJson.mapper().createArrayNode();
        for (FakeOrder o : List.copyOf(orders.values())) {
            if (!o.isOpen()) {
                continue;
            }
            ObjectNode item = out.addObject();
            item.put("id", o.id);
            if (cancelFailures.remove(o.id) || o.status.equals("pending_replace")) {
                item.put("status", 500);
                continue;
            }
            if (!o.status.equals("pending_cancel")) {
                requestCancel(o);
            }
            item.put("status", 200);
        }
        return new Reply(207, out);
    }

    private void requestCancel(FakeOrder o) {
        set(o, "pending_cancel", processed);
        o.acceptAt = null;
        o.fillAt = null;
        o.cancelAt = processed.plus(timing.cancel());
        if (timing.immediate() || timing.cancel().isZero()) {
            o.cancelAt = null;
            cancelNow(o, processed);
        }
    }

    /** PATCH /v2/orders/{id}: the order becomes pending_replace, then replaced by a new order that is then accepted. */
    synchronized Reply replace(String id, JsonNode body) {
        catchUp();
        FakeOrder old = orders.get(id);
        if (old == null) {
            return error(new Refusal(404, 40410000, "order not found for " + id));
        }
        if (!old.isWorking()) {
            return error(new Refusal(422, 42210000, "order is not replaceable (status " + old.status + ")"));
        }
        FakeOrder o = new FakeOrder();
        String cid = text(body, "client_order_id");
        o.clientOrderId = cid == null ? UUID.randomUUID().toString() : cid;
        if (clientOrderIds.contains(o.clientOrderId)) {
            return error(new Refusal(422, 40010001, "client_order_id must be unique"));
        }
        o.symbol = old.symbol;
        o.side = old.side;
        o.type = old.type;
        o.tif = text(body, "time_in_force") != null ? text(body, "time_in_force") : old.tif;
        o.qty = decimal(body, "qty") != null ? decimal(body, "qty") : old.qty;
        o.limitPrice = decimal(body, "limit_price") != null ? decimal(body, "limit_price") : old.limitPrice;
        o.stopPrice = decimal(body, "stop_price") != null ? decimal(body, "stop_price") : old.stopPrice;
        o.session = old.session;
        o.replaces = old.id;
        set(old, "pending_replace", processed);
        old.fillAt = null;
        old.replaceAt = processed.plus(timing.cancel());
        old.replacedBy = o.id;
        o.createdAt = processed;
        o.updatedAt = processed;
        o.status = "pending_new";
        o.acceptAt = old.replaceAt;
        orders.put(o.id, o);
        clientOrderIds.add(o.clientOrderId);
        if (timing.immediate()) {
            fireTimers(processed);
        }
        return reply(200, FakeAlpacaJson.order(o), List.of(o));
    }

    /** DELETE /v2/positions: optionally asks to cancel every open order, then sends a market order closing each position. */
    synchronized Reply closeAll(boolean cancelOrders) {
        catchUp();
        if (cancelOrders) {
            orders.values().stream().filter(o -> o.isOpen() && !o.status.equals("pending_cancel")
                    && !o.status.equals("pending_replace")).toList().forEach(this::requestCancel);
        }
        ArrayNode out = FakeAlpacaJson.mapper().createArrayNode();
        for (String symbol : List.copyOf(holdings.keySet())) {
            Holding h = holdings.get(symbol);
            if (h.qty.signum() == 0) {
                continue;
            }
            ObjectNode item = out.addObject();
            item.put("symbol", symbol);
            String failure = closeFailures.remove(symbol);
            Refusal refusal = failure != null ? new Refusal(403, 40310000, failure) : heldByOrders(symbol, h);
            if (refusal != null) {
                item.put("status", refusal.status());
                item.set("body", error(refusal).body());
                continue;
            }
            item.put("status", 200);
            item.set("body", FakeAlpacaJson.order(closingOrder(symbol, h)));
        }
        return new Reply(207, out);
    }

    /** DELETE /v2/positions/{symbol}: a market order for the whole position; refused while open orders hold its shares. */
    synchronized Reply closePosition(String symbol) {
        catchUp();
        Holding h = holdings.get(symbol);
        if (h == null || h.qty.signum() == 0) {
            return error(new Refusal(404, 40410000, "position does not exist"));
        }
        Refusal refusal = heldByOrders(symbol, h);
        if (refusal != null) {
            return error(refusal);
        }
        return new Reply(200, FakeAlpacaJson.order(closingOrder(symbol, h)));
    }

    /** Alpaca's 403 when open orders (pending cancels included) hold shares a closing order needs. */
    private Refusal heldByOrders(String symbol, Holding h) {
        String closingSide = h.qty.signum() > 0 ? "sell" : "buy";
        List<FakeOrder> holding = orders.values().stream()
                .filter(o -> o.isOpen() && o.symbol.equals(symbol) && o.side.equals(closingSide)).toList();
        if (holding.isEmpty()) {
            return null;
        }
        BigDecimal held = holding.stream().map(FakeOrder::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = h.qty.abs().subtract(held).max(BigDecimal.ZERO);
        ObjectNode extra = FakeAlpacaJson.mapper().createObjectNode();
        extra.put("available", plain(available));
        extra.put("existing_qty", plain(h.qty.abs()));
        extra.put("held_for_orders", plain(held));
        ArrayNode related = extra.putArray("related_orders");
        holding.forEach(o -> related.add(o.id));
        extra.put("symbol", symbol);
        return new Refusal(403, 40310000, "insufficient qty available for order (requested: " + plain(h.qty.abs())
                + ", available: " + plain(available) + ")", extra);
    }

    synchronized Reply latestQuote(String symbol) {
        catchUp();
        pull(symbol);
        if (rawQuotes.containsKey(symbol)) {
            ObjectNode out = FakeAlpacaJson.mapper().createObjectNode();
            out.put("symbol", symbol);
            ObjectNode q = rawQuotes.get(symbol).deepCopy();
            out.set("quote", q);
            boolean garbage = q.path("ap").isNull() || q.path("bp").isNull() || q.path("t").isNull();
            return new Reply(200, out, garbage ? "a raw quote with null fields set by the test" : null);
        }
        Price p = quotes.get(symbol);
        if (p == null) {
            return error(new Refusal(404, 40410000, "no quote found for " + symbol));
        }
        ObjectNode out = FakeAlpacaJson.mapper().createObjectNode();
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
        if (FakeAlpacaOptionBook.isOption(o.symbol)) {
            return affordableOption(o);
        }
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

    /**
     * A single option order: a buy to close needs level 1, a buy to open level 2 and its premium in buying power; a
     * sell to close the contracts held, a sell to open level 1 and the cash or shares that cover it afterwards.
     */
    private Refusal affordableOption(FakeOrder o) {
        Holding h = holdings.get(o.symbol);
        BigDecimal held = h == null ? BigDecimal.ZERO : h.qty;
        boolean buy = o.side.equals("buy");
        boolean closing = buy ? held.signum() < 0 && o.qty.compareTo(held.negate()) <= 0 : held.signum() > 0 && o.qty.compareTo(held) <= 0;
        o.positionIntent = (buy ? "buy_to_" : "sell_to_") + (closing ? "close" : "open");
        FakeAlpacaOptionBook.LegRefusal level = options.levelFor(buy && !closing ? 2 : 1);
        if (level != null) {
            return new Refusal(level.status(), level.code(), level.message());
        }
        Map<String, BigDecimal> after = heldQuantities();
        after.merge(o.symbol, buy ? o.qty : o.qty.negate(), BigDecimal::add);
        return coverAfter(after, buy ? priceOf(o.symbol, true).multiply(o.qty).multiply(FakeAlpacaOptionBook.MULTIPLIER)
                : BigDecimal.ZERO);
    }

    /** Refuses when {@code after}'s positions leave a call uncovered or hold back more than the cash less {@code debit}. */
    private Refusal coverAfter(Map<String, BigDecimal> after, BigDecimal debit) {
        BigDecimal need = FakeAlpacaOptionBook.requirement(after);
        if (need == null) {
            return new Refusal(403, 40310000, "account not eligible to trade uncovered option contracts");
        }
        BigDecimal now = FakeAlpacaOptionBook.requirement(heldQuantities());
        BigDecimal free = buyingPower().add(now == null ? BigDecimal.ZERO : now);
        if (need.add(debit).compareTo(free) > 0) {
            return new Refusal(403, 40310000, "insufficient options buying power (required: " + plain(need.add(debit))
                    + ", available: " + plain(free) + ")");
        }
        return null;
    }

    private BigDecimal priceOf(String symbol, boolean buy) {
        Price p = quotes.get(symbol);
        return p == null ? BigDecimal.ZERO : buy ? p.ask() : p.bid();
    }

    // ---- options -------------------------------------------------------------------------------

    synchronized void setOptionsLevel(int level) {
        options.level = level;
    }

    synchronized void setGreeks(String symbol, FakeAlpacaOptionBook.Greeks g) {
        options.greeks.put(symbol, g);
    }

    /**
     * {@code POST /v2/orders} with {@code order_class: mleg}: 422 for bad legs, 403 below level 3 or when the account
     * cannot cover the result; a market order (or a limit the net price meets) fills every leg at once at the quotes
     * (buys at the ask, sells at the bid) while the session is open, else it rests with nothing filled: it fills when a
     * new quote (or the next open) meets its limit, and a day order expires at the close with its legs: all legs or none,
     * never some (a test's {@code partialFill} takes whole units of every leg alike).
     */
    synchronized Reply submitMultiLeg(JsonNode body) {
        catchUp();
        JsonNode legs = body.get("legs");
        if (quoteSource != null && legs != null && legs.isArray()) {
            legs.forEach(l -> pull(l.path("symbol").asText()));
        }
        FakeAlpacaOptionBook.LegRefusal bad = FakeAlpacaOptionBook.checkLegs(legs);
        if (bad == null) {
            bad = options.levelFor(3);
        }
        if (bad != null) {
            Reply r = error(new Refusal(bad.status(), bad.code(), bad.message()));
            // More than four legs breaks the spec's maxItems: a request a test sends on purpose to see Alpaca's 422.
            return legs != null && legs.isArray() && legs.size() > 4
                    ? new Reply(r.status(), r.body(), "a request with more than 4 legs, off the spec on purpose") : r;
        }
        String type = text(body, "type");
        String tif = text(body, "time_in_force");
        BigDecimal qty = decimal(body, "qty");
        String cid = text(body, "client_order_id");
        if (qty == null || qty.signum() <= 0 || qty.stripTrailingZeros().scale() > 0) {
            return error(new Refusal(422, 42210000, "qty is required for mleg orders and must be a positive whole number"));
        }
        if (!"market".equals(type) && !"limit".equals(type) || !"day".equals(tif)) {
            return error(new Refusal(422, 42210000, "mleg orders must be market or limit orders with time_in_force day"));
        }
        if ("limit".equals(type) && decimal(body, "limit_price") == null) {
            return error(new Refusal(422, 40010001, "limit_price is required for limit orders"));
        }
        if (cid != null && clientOrderIds.contains(cid)) {
            return error(new Refusal(422, 40010001, "client_order_id must be unique"));
        }
        FakeOrder parent = new FakeOrder();
        parent.clientOrderId = cid == null ? UUID.randomUUID().toString() : cid;
        parent.symbol = "";
        parent.side = "buy";
        parent.orderClass = "mleg";
        parent.type = type;
        parent.tif = tif;
        parent.qty = qty.stripTrailingZeros();
        parent.limitPrice = decimal(body, "limit_price");
        parent.session = sessions.sessionFor(processed);
        parent.legs = new ArrayList<>();
        Map<String, BigDecimal> after = heldQuantities();
        BigDecimal net = BigDecimal.ZERO;
        boolean quoted = true;
        for (JsonNode l : legs) {
            FakeOrder leg = new FakeOrder();
            leg.clientOrderId = UUID.randomUUID().toString();
            leg.symbol = l.get("symbol").asText().toUpperCase(Locale.ROOT);
            leg.side = l.get("side").asText();
            leg.type = type;
            leg.tif = tif;
            leg.orderClass = "mleg";
            leg.ratioQty = new BigDecimal(l.get("ratio_qty").asText()).stripTrailingZeros();
            leg.qty = leg.ratioQty.multiply(parent.qty);
            leg.positionIntent = l.hasNonNull("position_intent") ? l.get("position_intent").asText() : null;
            leg.session = parent.session;
            boolean buy = leg.side.equals("buy");
            after.merge(leg.symbol, buy ? leg.qty : leg.qty.negate(), BigDecimal::add);
            quoted &= quotes.containsKey(leg.symbol);
            BigDecimal price = priceOf(leg.symbol, buy).multiply(leg.ratioQty);
            net = buy ? net.add(price) : net.subtract(price);
            parent.legs.add(leg);
        }
        // Cover is checked on the positions the order leaves; a net debit must be paid from the cash too.
        Refusal refusal = coverAfter(after, net.max(BigDecimal.ZERO).multiply(parent.qty).multiply(FakeAlpacaOptionBook.MULTIPLIER));
        if (refusal != null) {
            return error(refusal);
        }
        parent.createdAt = processed;
        parent.updatedAt = processed;
        orders.put(parent.id, parent);
        clientOrderIds.add(parent.clientOrderId);
        for (FakeOrder leg : parent.legs) {
            leg.createdAt = processed;
            leg.updatedAt = processed;
        }
        boolean priceOk = parent.limitPrice == null || net.compareTo(parent.limitPrice) <= 0;
        boolean held = holdNextMultiLeg;
        holdNextMultiLeg = false;
        if (!held && quoted && priceOk && sessions.isOpen(processed)) {
            for (FakeOrder leg : parent.legs) {
                leg.status = "new";
                fill(leg, leg.qty, priceOf(leg.symbol, leg.side.equals("buy")), processed);
            }
            parent.filledQty = parent.qty;
            parent.filledAvgPrice = net.abs();
            set(parent, "filled", processed);
            parent.filledAt = processed;
        } else {
            parent.status = "new";
            parent.legs.forEach(l -> l.status = "new");
        }
        return reply(200, FakeAlpacaJson.order(parent), List.of(parent));
    }

    /** {@code GET /v1beta1/options/snapshots/{underlying}}: every quoted contract of it with its Greeks, filtered and paged. */
    synchronized Reply optionSnapshots(String underlying, Map<String, String> q) {
        catchUp();
        if (chainSource != null) {
            return sourcedSnapshots(underlying, q);
        }
        java.util.TreeSet<String> symbols = new java.util.TreeSet<>();
        for (String symbol : quotes.keySet()) {
            org.leverdesk.options.contract.OptionSymbols.contract(symbol).filter(c -> c.underlying().equals(underlying))
                    .ifPresent(c -> symbols.add(symbol));
        }
        return snapshotPage(underlying, symbols, q, (symbol, s) -> {
            Price p = quotes.get(symbol);
            s.set("latestQuote", FakeAlpacaOptionBook.quote(p.bid(), p.ask(), p.at()));
            FakeAlpacaOptionBook.Greeks g = options.greeks.get(symbol);
            if (g != null) {
                greeks(s, g.iv(), g.delta(), g.gamma(), g.theta(), g.vega(), g.rho());
            }
        });
    }

    /**
     * The snapshots endpoint over the chain source's contracts at the processed time, filtered and paged as Alpaca does.
     * The pages of one question (the same filters at the same moment) share one answer of the source, as Alpaca's pages
     * are one chain: without it a chain of thousands of contracts was priced again for every page.
     */
    private Reply sourcedSnapshots(String underlying, Map<String, String> q) {
        Map<String, String> question = new java.util.TreeMap<>(q);
        question.remove("page_token");
        String key = underlying + " " + processed + " " + question;
        if (!key.equals(sourcedKey)) {
            Map<String, FakeAlpacaServer.Snapshot> rows = new HashMap<>();
            for (FakeAlpacaServer.Snapshot s : chainSource.chain(underlying, processed, q)) {
                rows.put(FakeAlpacaServer.alpaca(s.symbol()), s);
            }
            sourcedKey = key;
            sourced = rows;
        }
        Map<String, FakeAlpacaServer.Snapshot> bySymbol = sourced;
        return snapshotPage(underlying, bySymbol.keySet(), q, (symbol, s) -> {
            FakeAlpacaServer.Snapshot row = bySymbol.get(symbol);
            s.set("latestQuote", FakeAlpacaOptionBook.quote(BigDecimal.valueOf(row.bid()), BigDecimal.valueOf(row.ask()), processed));
            greeks(s, row.iv(), row.delta(), row.gamma(), row.theta(), row.vega(), row.rho());
        });
    }

    /** One page of {@code symbols} that pass {@code q}'s filters, each snapshot written by {@code write}. */
    private static Reply snapshotPage(String underlying, Set<String> symbols, Map<String, String> q,
                                      java.util.function.BiConsumer<String, ObjectNode> write) {
        List<String> kept = FakeAlpacaOptionBook.matching(symbols, q).stream()
                .filter(c -> c.underlying().equals(underlying)).map(c -> c.compactSymbol()).toList();
        int limit = Math.min(Math.min(1000, FakeAlpacaOptionBook.pageCap), Integer.parseInt(q.getOrDefault("limit", "100")));
        int from = q.containsKey("page_token") ? Integer.parseInt(q.get("page_token")) : 0;
        int to = Math.min(kept.size(), from + limit);
        ObjectNode out = FakeAlpacaJson.mapper().createObjectNode();
        ObjectNode snaps = out.putObject("snapshots");
        for (String symbol : kept.subList(from, to)) {
            write.accept(symbol, snaps.putObject(symbol));
        }
        if (to < kept.size()) {
            out.put("next_page_token", String.valueOf(to));
        } else {
            out.putNull("next_page_token");
        }
        return new Reply(200, out);
    }

    private static void greeks(ObjectNode s, double iv, double delta, double gamma, double theta, double vega, double rho) {
        s.put("impliedVolatility", iv);
        ObjectNode gj = s.putObject("greeks");
        gj.put("delta", delta);
        gj.put("gamma", gamma);
        gj.put("theta", theta);
        gj.put("vega", vega);
        gj.put("rho", rho);
    }

    /** {@code GET /v1beta1/options/quotes/latest?symbols=...}: the quoted ones among {@code symbols}. */
    synchronized Reply optionLatestQuotes(List<String> symbols) {
        catchUp();
        symbols.forEach(this::pull);
        ObjectNode out = FakeAlpacaJson.mapper().createObjectNode();
        ObjectNode qs = out.putObject("quotes");
        for (String symbol : symbols) {
            Price p = quotes.get(symbol);
            if (p != null) {
                qs.set(symbol, FakeAlpacaOptionBook.quote(p.bid(), p.ask(), p.at()));
            }
        }
        return new Reply(200, out);
    }

    /** {@code GET /v2/options/contracts} over every contract the market quotes or the account holds. */
    synchronized Reply optionContracts(Map<String, String> q) {
        catchUp();
        Set<String> symbols = new HashSet<>(quotes.keySet());
        symbols.addAll(holdings.keySet());
        return new Reply(200, FakeAlpacaOptionBook.contracts(symbols, q));
    }

    synchronized Reply activities(String type, Map<String, String> q) {
        catchUp();
        return new Reply(200, options.activities(type, q));
    }

    /**
     * {@code POST /v2/positions/{symbol}/exercise}: every held long contract is exercised now (OPEXC: 100 shares a
     * contract bought at the strike for a call, sold for a put; the cash must cover a call's). 403 for no position or a
     * short one, as the spec's examples say.
     */
    synchronized Reply exercise(String symbol) {
        catchUp();
        Holding h = holdings.get(symbol);
        if (h == null || h.qty.signum() == 0) {
            return error(new Refusal(403, 40310000, "no available position for the specified contract"));
        }
        if (h.qty.signum() < 0) {
            return error(new Refusal(403, 40310001, "cannot exercise short position"));
        }
        org.leverdesk.options.contract.OptionContract c = org.leverdesk.options.contract.OptionSymbols.contract(symbol).orElseThrow();
        settle(c, symbol, h, "OPEXC", FakeAlpacaSessions.date(processed));
        return new Reply(200, null);
    }

    synchronized Reply doNotExercise(String symbol) {
        catchUp();
        Holding h = holdings.get(symbol);
        if (h == null || h.qty.signum() == 0) {
            return error(new Refusal(403, 40310000, "no available position for the specified contract"));
        }
        if (h.qty.signum() < 0) {
            return error(new Refusal(403, 40310001, "cannot submit DNE for short position"));
        }
        options.doNotExercise.add(symbol);
        return new Reply(200, null);
    }

    /**
     * The expiration of {@code underlying}'s contracts of {@code day} with the underlying closing at {@code close}: in
     * the money by $0.01 or more a short is assigned (OPASN) and a long exercised (OPEXC, unless told not to), else the
     * contract expires (OPEXP); each is an activity and moves shares and cash as Alpaca's would.
     */
    synchronized void expire(LocalDate day, String underlying, double close) {
        catchUp();
        for (String symbol : List.copyOf(holdings.keySet())) {
            Holding h = holdings.get(symbol);
            var parsed = org.leverdesk.options.contract.OptionSymbols.contract(symbol);
            if (h.qty.signum() == 0 || parsed.isEmpty() || !parsed.get().underlying().equals(underlying)
                    || !parsed.get().expiry().equals(day)) {
                continue;
            }
            org.leverdesk.options.contract.OptionContract c = parsed.get();
            BigDecimal itm = c.isCall() ? BigDecimal.valueOf(close).subtract(c.strike()) : c.strike().subtract(BigDecimal.valueOf(close));
            boolean inTheMoney = itm.compareTo(new BigDecimal("0.01")) >= 0;
            if (!inTheMoney || h.qty.signum() > 0 && options.doNotExercise.contains(symbol)) {
                options.record("OPEXP", day, symbol, h.qty, BigDecimal.ZERO);
                h.qty = BigDecimal.ZERO;
                h.avgPrice = BigDecimal.ZERO;
            } else {
                settle(c, symbol, h, h.qty.signum() < 0 ? "OPASN" : "OPEXC", day);
            }
        }
    }

    /** Delivers the shares of an assignment or exercise of every contract held, at the strike, and reports the activity. */
    private void settle(org.leverdesk.options.contract.OptionContract c, String symbol, Holding h, String type, LocalDate day) {
        BigDecimal contracts = h.qty;
        // A long call or a short put buys the shares; a long put or a short call sells them.
        boolean buysShares = c.isCall() == contracts.signum() > 0;
        BigDecimal shares = contracts.abs().multiply(FakeAlpacaOptionBook.MULTIPLIER);
        BigDecimal money = shares.multiply(c.strike());
        Holding stock = holdings.computeIfAbsent(c.underlying(), s -> new Holding());
        BigDecimal signed = buysShares ? shares : shares.negate();
        BigDecimal newQty = stock.qty.add(signed);
        if (buysShares && stock.qty.signum() >= 0) {
            stock.avgPrice = stock.avgPrice.multiply(stock.qty).add(money).divide(newQty, MC);
        }
        stock.qty = newQty;
        if (newQty.signum() == 0) {
            stock.avgPrice = BigDecimal.ZERO;
        }
        cash = buysShares ? cash.subtract(money) : cash.add(money);
        options.record(type, day, symbol, contracts, buysShares ? money.negate() : money);
        h.qty = BigDecimal.ZERO;
        h.avgPrice = BigDecimal.ZERO;
    }

    private void fillResting(String symbol) {
        for (FakeOrder o : List.copyOf(orders.values())) {
            if (o.symbol.equals(symbol)) {
                tryFill(o, processed);
            } else if (o.legs != null && o.legs.stream().anyMatch(l -> l.symbol.equals(symbol))) {
                tryFillMultiLeg(o, processed);
            }
        }
    }

    /**
     * A resting multi-leg order fills what is left of it, every leg at once at the quotes, when the session is open,
     * every leg is quoted and the net price (buys at the ask less sells at the bid, a credit negative) meets its limit.
     */
    private void tryFillMultiLeg(FakeOrder parent, Instant at) {
        if (!parent.isWorking() || !sessions.isOpen(at)) {
            return;
        }
        BigDecimal net = netPrice(parent);
        if (net != null && (parent.limitPrice == null || net.compareTo(parent.limitPrice) <= 0)) {
            fillMultiLeg(parent, parent.remaining(), at);
        }
    }

    /** The net price of one unit at the quotes (a debit positive, a credit negative); null when a leg has no quote. */
    private BigDecimal netPrice(FakeOrder parent) {
        BigDecimal net = BigDecimal.ZERO;
        for (FakeOrder leg : parent.legs) {
            if (!quotes.containsKey(leg.symbol)) {
                return null;
            }
            boolean buy = leg.side.equals("buy");
            BigDecimal price = priceOf(leg.symbol, buy).multiply(leg.ratioQty);
            net = buy ? net.add(price) : net.subtract(price);
        }
        return net;
    }

    /** Fills {@code units} of a multi-leg order: each leg ratio × units at its quote; the parent's average is |net|. */
    private void fillMultiLeg(FakeOrder parent, BigDecimal units, Instant at) {
        BigDecimal net = netPrice(parent);
        if (net == null || units.signum() <= 0) {
            return;
        }
        for (FakeOrder leg : parent.legs) {
            fill(leg, leg.ratioQty.multiply(units), priceOf(leg.symbol, leg.side.equals("buy")), at);
        }
        BigDecimal before = parent.filledQty;
        parent.filledQty = before.add(units);
        parent.filledAvgPrice = parent.filledAvgPrice == null ? net.abs()
                : parent.filledAvgPrice.multiply(before).add(net.abs().multiply(units)).divide(parent.filledQty, MC);
        set(parent, parent.remaining().signum() == 0 ? "filled" : "partially_filled", at);
        if (parent.remaining().signum() == 0) {
            parent.filledAt = at;
            clearTimers(parent);
        }
    }

    /** A multi-leg order's legs end with it (cancelled, done for the day, expired); a filled leg stays filled. */
    private static void legsFollow(FakeOrder parent, Instant at) {
        if (parent.legs == null) {
            return;
        }
        for (FakeOrder leg : parent.legs) {
            if (!leg.status.equals("filled")) {
                set(leg, parent.status, at);
            }
        }
    }

    private void tryFill(FakeOrder o, Instant at) {
        if (!o.isWorking() || o.isAuction() || !sessions.isOpen(at) || (o.fillAt != null && o.fillAt.isAfter(at))) {
            return;
        }
        Price p = quotes.get(o.symbol);
        if (p == null) {
            return;
        }
        // The first time an order meets the market it is "arriving": a marketable limit then takes the quote
        // (price improvement), as on an exchange; later it rests and fills at its limit when reached.
        boolean arriving = !o.metMarket;
        o.metMarket = true;
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
            fill(o, o.remaining(), buy ? p.ask() : p.bid(), at);
        } else if (buy ? p.ask().compareTo(o.limitPrice) <= 0 : p.bid().compareTo(o.limitPrice) >= 0) {
            fill(o, o.remaining(), arriving && o.type.equals("limit") ? (buy ? p.ask() : p.bid()) : o.limitPrice, at);
        }
    }

    private void fill(FakeOrder o, BigDecimal qty, BigDecimal price, Instant at) {
        if (qty.signum() <= 0) {
            return;
        }
        executions.add(new FakeAlpacaServer.Execution(at, o.symbol, o.side, qty, price));
        BigDecimal before = o.filledQty;
        o.filledQty = before.add(qty);
        o.filledAvgPrice = o.filledAvgPrice == null ? price
                : o.filledAvgPrice.multiply(before).add(price.multiply(qty)).divide(o.filledQty, MC);
        set(o, o.remaining().signum() == 0 ? "filled" : "partially_filled", at);
        if (o.remaining().signum() == 0) {
            o.filledAt = at;
            clearTimers(o);
        }
        BigDecimal signed = o.side.equals("buy") ? qty : qty.negate();
        cash = cash.subtract(signed.multiply(price).multiply(FakeAlpacaOptionBook.multiplier(o.symbol)));
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

    private void cancelNow(FakeOrder o, Instant at) {
        clearTimers(o);
        set(o, "canceled", at);
        o.canceledAt = at;
        legsFollow(o, at);
    }

    private static void clearTimers(FakeOrder o) {
        o.acceptAt = null;
        o.fillAt = null;
        o.cancelAt = null;
        o.replaceAt = null;
        o.expireAt = null;
    }

    private static void set(FakeOrder o, String status, Instant at) {
        o.status = status;
        o.updatedAt = at;
    }

    private FakeOrder closingOrder(String symbol, Holding h) {
        FakeOrder o = new FakeOrder();
        o.clientOrderId = UUID.randomUUID().toString();
        o.symbol = symbol;
        o.side = h.qty.signum() > 0 ? "sell" : "buy";
        o.type = "market";
        o.tif = "day";
        o.qty = h.qty.abs();
        o.session = sessions.sessionFor(processed);
        record(o);
        return o;
    }

    private BigDecimal equity() {
        BigDecimal value = cash;
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            value = value.add(e.getValue().qty.multiply(last(e.getKey(), e.getValue())).multiply(FakeAlpacaOptionBook.multiplier(e.getKey())));
        }
        return value;
    }

    private BigDecimal buyingPower() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (FakeOrder o : orders.values()) {
            if (o.isOpen() && o.side.equals("buy")) {
                Price p = quotes.get(o.symbol);
                BigDecimal price = o.limitPrice != null ? o.limitPrice : p != null ? p.ask() : BigDecimal.ZERO;
                reserved = reserved.add(o.remaining().multiply(price).multiply(FakeAlpacaOptionBook.multiplier(o.symbol)));
            }
        }
        BigDecimal held = FakeAlpacaOptionBook.requirement(heldQuantities());
        return cash.subtract(reserved).subtract(held == null ? BigDecimal.ZERO : held).max(BigDecimal.ZERO);
    }

    private Map<String, BigDecimal> heldQuantities() {
        Map<String, BigDecimal> out = new HashMap<>();
        holdings.forEach((symbol, h) -> out.put(symbol, h.qty));
        return out;
    }

    private BigDecimal last(String symbol, Holding h) {
        Price p = quotes.get(symbol);
        return p == null ? h.avgPrice : p.last();
    }

    private ObjectNode positionJson(String symbol, Holding h) {
        String closingSide = h.qty.signum() > 0 ? "sell" : "buy";
        BigDecimal held = orders.values().stream().filter(o -> o.isOpen() && o.symbol.equals(symbol) && o.side.equals(closingSide))
                .map(FakeOrder::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = h.qty.abs().subtract(held).max(BigDecimal.ZERO);
        return FakeAlpacaJson.position(symbol, h.qty, h.qty.signum() < 0 ? available.negate() : available, h.avgPrice, last(symbol, h));
    }

    private static Reply reply(int status, JsonNode body, Collection<FakeOrder> shown) {
        boolean offSpec = shown.stream().anyMatch(o -> o.offSpec);
        return new Reply(status, body, offSpec ? "an order status forced by the test is not in the spec's enum" : null);
    }

    static Reply error(Refusal r) {
        ObjectNode e = r.extra() == null ? FakeAlpacaJson.mapper().createObjectNode() : r.extra().deepCopy();
        e.setAll(FakeAlpacaJson.error(r.code(), r.message()));
        return new Reply(r.status(), e);
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
