package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.quote.LatestStockQuoteResponse;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.CancelReport;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.MalformedBrokerAnswerException;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.options.contract.OptionSymbols;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker port on Alpaca (paper or live). Trading calls go to Alpaca's REST API directly, with the
 * request shapes of its OpenAPI specification and strict reading of the answers ({@link AlpacaMapping},
 * {@link StrictJson}): a missing or malformed quantity, price, status or amount of money rejects the whole
 * answer with a {@link MalformedBrokerAnswerException}. Market data (the latest quote) still goes through
 * alpaca-java 9.2.0. Reads are retried with backoff and jitter; an order POST is never retried: when its
 * outcome is unknown the caller looks it up with {@link #orderByClientOrderId}.
 *
 * <p>Alpaca cancels asynchronously ({@code pending_cancel} before {@code canceled}), and shares held by an
 * order still pending cancel cannot be sold (403 "insufficient qty available"). So closing positions first
 * cancels their orders and waits until none is open any more, then closes.
 */
public final class AlpacaBroker implements Broker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    /** Alpaca's page limit for listing orders. */
    private static final int MAX_ORDERS = 500;
    /** How long closing waits for pending cancels before giving up without racing them. */
    static final Duration DEFAULT_CANCEL_WAIT = Duration.ofSeconds(10);

    private final AlpacaSession session;
    private final boolean ownsSession;
    private volatile Duration cancelWait = DEFAULT_CANCEL_WAIT;
    private volatile AlpacaOptions options;

    /** A broker on a shared session (share it with whatever else calls Alpaca's trading API, so all count against one rate limit). */
    public AlpacaBroker(AlpacaSession session) {
        this(session, false);
    }

    private AlpacaBroker(AlpacaSession session, boolean ownsSession) {
        this.session = session;
        this.ownsSession = ownsSession;
    }

    /** A broker with its own session; closing the broker closes it. */
    public static AlpacaBroker create(AlpacaSettings settings) {
        return new AlpacaBroker(new AlpacaSession(settings), true);
    }

    /** Alpaca's real paper or live endpoint with the keys from {@code config.Secrets} and default limits. */
    public static AlpacaBroker create(AlpacaEndpoint endpoint, String keyId, String secretKey) {
        return create(AlpacaSettings.of(endpoint, keyId, secretKey));
    }

    public AlpacaSession session() {
        return session;
    }

    /** Alpaca's options API on this broker's session: contracts, chains, quotes, exercise and option activities. */
    public AlpacaOptions options() {
        AlpacaOptions o = options;
        if (o == null) {
            o = new AlpacaOptions(session);
            options = o;
        }
        return o;
    }

    /** How long closing a position waits for its orders' cancels to complete (tests shorten it). */
    void setCancelWait(Duration wait) {
        cancelWait = wait;
    }

    @Override
    public String name() {
        return session.settings().endpoint() == AlpacaEndpoint.LIVE ? "alpaca-live" : "alpaca-paper";
    }

    @Override
    public Account account() {
        return AlpacaAccounts.parse(session.readRest("read the Alpaca account", "account"));
    }

    @Override
    public List<BrokerPosition> positions() {
        JsonNode answer = session.readRest("list Alpaca positions", "positions");
        return AlpacaMapping.positions("GET /v2/positions", answer).stream().filter(p -> p.quantity().signum() != 0).toList();
    }

    @Override
    public List<BrokerOrder> openOrders() {
        return openOrders(Map.of());
    }

    private List<BrokerOrder> openOrders(Map<String, String> filter) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("status", "open", "limit", String.valueOf(MAX_ORDERS),
                "nested", "true"));
        query.putAll(filter);
        JsonNode answer = session.readRest("list open Alpaca orders", "orders", query);
        return AlpacaMapping.orders("GET /v2/orders", answer);
    }

    @Override
    public BrokerOrder submit(OrderRequest r) {
        AlpacaSession.Answer answer = session.write("send order " + r.clientOrderId(), () -> {
            AlpacaSession.Answer a;
            try {
                a = session.rest("POST", "orders", Map.of(), AlpacaMapping.orderBody(r));
            } catch (BrokerUnavailableException e) {
                throw new BrokerUnavailableException(e.getMessage() + "; the order may or may not have been placed: "
                        + "look it up by its client order id before sending anything again", e.getCause());
            }
            if (a.status() >= 300) {
                throw AlpacaErrors.forSubmit(r.clientOrderId(), a.status(), a.message());
            }
            return a;
        });
        BrokerOrder order;
        try {
            order = AlpacaMapping.order("POST /v2/orders", "", answer.json());
        } catch (MalformedBrokerAnswerException e) {
            throw new MalformedBrokerAnswerException(e.endpoint(), e.field(), "(answered HTTP " + answer.status()
                    + " to order " + r.clientOrderId() + ": it may have been placed, look it up by its client order id"
                    + " before sending anything again) - " + detail(e));
        }
        if (!r.clientOrderId().equals(order.clientOrderId())) {
            throw new MalformedBrokerAnswerException("POST /v2/orders", "client_order_id", "is '" + order.clientOrderId()
                    + "', not the '" + r.clientOrderId() + "' sent; look the order up by its client order id");
        }
        LOG.info("Alpaca took order {} ({} {} {} {}): {}", r.clientOrderId(), r.side(), r.quantity(), r.symbol(),
                r.type(), order.status());
        return order;
    }

    /**
     * Sends a spread or condor as one {@code order_class: mleg} order (at most four legs, the ratio in lowest
     * terms, each leg's {@code position_intent} from the account's positions read just before). Alpaca fills it
     * all-or-none; its answer is read strictly and its legs come back under the request's leg ids. Sent once,
     * never retried: when the outcome is unknown, {@link #multiLegLegs} finds it by the parent's id.
     */
    @Override
    public List<BrokerOrder> submitMultiLeg(MultiLegOrderRequest r) {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        positions().forEach(p -> held.put(p.symbol(), p.quantity()));
        JsonNode body = AlpacaMapping.multiLegBody(r, s -> held.getOrDefault(s, BigDecimal.ZERO));
        AlpacaSession.Answer answer = session.write("send multi-leg order " + r.clientOrderId(), () -> {
            AlpacaSession.Answer a;
            try {
                a = session.rest("POST", "orders", Map.of(), body);
            } catch (BrokerUnavailableException e) {
                throw new BrokerUnavailableException(e.getMessage() + "; the multi-leg order may or may not have been placed: "
                        + "look it up by its client order id before sending anything again", e.getCause());
            }
            if (a.status() >= 300) {
                throw AlpacaErrors.forSubmit(r.clientOrderId(), a.status(), a.message());
            }
            return a;
        });
        List<BrokerOrder> legs;
        try {
            StrictJson parent = StrictJson.object("POST /v2/orders", "", answer.json());
            String cid = parent.text("client_order_id");
            if (!cid.equals(r.clientOrderId())) {
                throw parent.fail("client_order_id", "is '" + cid + "', not the '" + r.clientOrderId() + "' sent");
            }
            legs = AlpacaMapping.multiLeg("POST /v2/orders", answer.json(), r);
        } catch (MalformedBrokerAnswerException e) {
            throw new MalformedBrokerAnswerException(e.endpoint(), e.field(), "(answered HTTP " + answer.status()
                    + " to multi-leg order " + r.clientOrderId() + ": it may have been placed, look it up by its client"
                    + " order id before sending anything again) - " + detail(e));
        }
        LOG.info("Alpaca took multi-leg order {} ({}): {}", r.clientOrderId(), legs.stream()
                .map(l -> l.side() + " " + l.quantity().toPlainString() + " " + l.symbol()).collect(Collectors.joining(" / ")),
                legs.get(0).status());
        return legs;
    }

    /**
     * The legs of a multi-leg order found by the parent's client order id (Alpaca gives the legs ids of its own);
     * empty when Alpaca has no such order. The legs are read nested ({@code GET /v2/orders/{id}?nested=true})
     * when the look-up answers without them.
     */
    @Override
    public List<BrokerOrder> multiLegLegs(MultiLegOrderRequest r) {
        JsonNode found = session.read("look up multi-leg order " + r.clientOrderId(), () -> {
            AlpacaSession.Answer a = session.rest("GET", "orders:by_client_order_id", Map.of("client_order_id", r.clientOrderId()), null);
            if (a.status() == 404) {
                return null;
            }
            AlpacaErrors.throwIfFailed("look up multi-leg order " + r.clientOrderId(), a);
            return a.json();
        });
        if (found == null) {
            return List.of();
        }
        if (!found.path("legs").isArray()) {
            String id = StrictJson.object("GET /v2/orders:by_client_order_id", "", found).text("id");
            found = session.readRest("read multi-leg order " + id, "orders/" + id, Map.of("nested", "true"));
            return AlpacaMapping.multiLeg("GET /v2/orders/{order_id}", found, r);
        }
        return AlpacaMapping.multiLeg("GET /v2/orders:by_client_order_id", found, r);
    }

    private static String detail(MalformedBrokerAnswerException e) {
        String m = e.getMessage();
        int i = m.indexOf(" is invalid: ");
        return i < 0 ? m : m.substring(i + " is invalid: ".length());
    }

    @Override
    public Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        JsonNode found = session.read("look up order " + clientOrderId, () -> {
            AlpacaSession.Answer a = session.rest("GET", "orders:by_client_order_id", Map.of("client_order_id", clientOrderId), null);
            if (a.status() == 404) {
                return null;
            }
            AlpacaErrors.throwIfFailed("look up order " + clientOrderId, a);
            return a.json();
        });
        return Optional.ofNullable(found).map(o -> AlpacaMapping.order("GET /v2/orders:by_client_order_id", "", o));
    }

    private BrokerOrder orderById(String id) {
        JsonNode found = session.readRest("read order " + id, "orders/" + id);
        return AlpacaMapping.order("GET /v2/orders/{order_id}", "", found);
    }

    @Override
    public void cancel(String brokerOrderId) {
        // Cancelling is idempotent, so it may be retried like a read.
        session.read("cancel order " + brokerOrderId, () -> {
            AlpacaSession.Answer a = session.rest("DELETE", "orders/" + brokerOrderId, Map.of(), null);
            // 422: the order already ended or is already being cancelled; the port says that is fine.
            if (a.status() == 422) {
                LOG.info("order {} is not cancelable any more ({}); nothing to cancel", brokerOrderId, a.message());
                return null;
            }
            AlpacaErrors.throwIfFailed("cancel order " + brokerOrderId, a);
            return null;
        });
    }

    @Override
    public List<BrokerOrder> cancelAll() {
        CancelReport report = cancelAllReported();
        report.failures().forEach(f -> LOG.warn("Alpaca did not cancel order {}: {}", f.brokerOrderId(), f.reason()));
        return report.requested();
    }

    /**
     * {@code DELETE /v2/orders} answers only {id, HTTP status} per order (the spec's
     * {@code CanceledOrderResponse}), so the report is built from the open orders read before, that
     * answer, and the orders read again after: an order whose item is not 2xx, or that is still open and
     * not being cancelled, or that was open and got no item, is a failure with its reason.
     */
    @Override
    public CancelReport cancelAllReported() {
        Map<String, BrokerOrder> before = new LinkedHashMap<>();
        openOrders().forEach(o -> before.put(o.brokerOrderId(), o));
        // Cancelling is idempotent, so the request may be retried like a read.
        JsonNode answer = session.read("cancel all Alpaca orders", () -> {
            AlpacaSession.Answer a = session.rest("DELETE", "orders", Map.of(), null);
            AlpacaErrors.throwIfFailed("cancel all Alpaca orders", a);
            return a.status() == 204 || a.body() != null && a.body().isMissingNode() ? null : a.json();
        });
        Map<String, Integer> statusById = new LinkedHashMap<>();
        if (answer != null) {
            JsonNode items = StrictJson.array("DELETE /v2/orders", answer);
            for (int i = 0; i < items.size(); i++) {
                StrictJson item = StrictJson.object("DELETE /v2/orders", "[" + i + "]", items.get(i));
                JsonNode status = items.get(i).get("status");
                if (status == null || !status.canConvertToInt()) {
                    throw item.fail("status", "is " + status + ", not an HTTP status");
                }
                statusById.put(item.text("id"), status.asInt());
            }
        }
        Map<String, BrokerOrder> after = new LinkedHashMap<>();
        openOrders().forEach(o -> after.put(o.brokerOrderId(), o));
        List<BrokerOrder> requested = new ArrayList<>();
        List<CancelReport.Failure> failures = new ArrayList<>();
        Set<String> ids = new java.util.LinkedHashSet<>(before.keySet());
        ids.addAll(statusById.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            Integer status = statusById.get(id);
            BrokerOrder now = after.get(id);
            BrokerOrder known = now != null ? now : before.get(id);
            if (status != null && (status < 200 || status >= 300)) {
                failures.add(new CancelReport.Failure(id, known, "Alpaca could not cancel it (HTTP " + status
                        + "); it may still fill: cancel it by hand"));
            } else if (status == null) {
                if (now != null) {
                    failures.add(new CancelReport.Failure(id, now, "still open and Alpaca did not report cancelling it;"
                            + " cancel it by hand"));
                }
            } else {
                requested.add(now != null ? now : lastKnown(id, known));
            }
        }
        requested.forEach(o -> LOG.info("cancel requested for order {} ({} {} {}): {}", o.clientOrderId(), o.side(),
                o.quantity(), o.symbol(), o.status()));
        return new CancelReport(requested, failures);
    }

    /** The order as it is now (cancelled, or filled before the cancel arrived); what was known before if it cannot be read. */
    private BrokerOrder lastKnown(String id, BrokerOrder before) {
        try {
            return orderById(id);
        } catch (BrokerException e) {
            if (before == null) {
                throw e;
            }
            LOG.warn("could not read order {} after cancelling it: {}", id, e.getMessage());
            return before;
        }
    }

    @Override
    public List<CloseOutcome> closeAllPositions() {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (BrokerPosition p : positions()) {
            held.put(p.symbol(), p.quantity());
        }
        // Shares held by orders still pending cancel cannot be sold: cancel and wait first (never race them).
        String notSettled = cancelAndWait(Set.of());
        // Sent once, never retried: each DELETE /v2/positions sends new closing orders.
        JsonNode answer = session.write("close all Alpaca positions", () -> {
            AlpacaSession.Answer a = session.rest("DELETE", "positions", Map.of("cancel_orders", "true"), null);
            AlpacaErrors.throwIfFailed("close all Alpaca positions", a);
            return a.json();
        });
        JsonNode items = StrictJson.array("DELETE /v2/positions", answer);
        List<CloseOutcome> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            StrictJson item = StrictJson.object("DELETE /v2/positions", "[" + i + "]", items.get(i));
            String symbol = AlpacaMapping.ourSymbol(item.text("symbol"));
            JsonNode statusNode = items.get(i).get("status");
            if (statusNode == null || !statusNode.canConvertToInt()) {
                throw item.fail("status", "is " + statusNode + ", not an HTTP status");
            }
            int status = statusNode.asInt();
            JsonNode body = items.get(i).path("body");
            BigDecimal qty = held.remove(symbol);
            if (status >= 200 && status < 300) {
                BrokerOrder closing = AlpacaMapping.order("DELETE /v2/positions", "[" + i + "].body", body);
                out.add(new CloseOutcome(symbol, qty != null ? qty : closing.quantity(), true, closing.brokerOrderId(),
                        "closing order sent (" + closing.status() + ")"));
            } else {
                String why = body.path("message").asText("no reason given");
                out.add(new CloseOutcome(symbol, qty != null ? qty : BigDecimal.ZERO, false, null,
                        "Alpaca could not close it (HTTP " + status + ": " + why + ")"
                                + (notSettled == null ? "" : "; " + notSettled)));
            }
        }
        for (Map.Entry<String, BigDecimal> missed : held.entrySet()) {
            out.add(new CloseOutcome(missed.getKey(), missed.getValue(), false, null,
                    "Alpaca did not report a closing order for this position; check it and close it by hand"));
        }
        out.forEach(o -> LOG.info("close {}: {} {}", o.symbol(), o.closed() ? "sent" : "FAILED", o.detail()));
        return out;
    }

    /**
     * Closes one position with {@code DELETE /v2/positions/{symbol}}, which has no cancel option: the
     * symbol's open orders are cancelled first and the close waits until none is open any more, so it
     * never meets a pending cancel (403 "insufficient qty available"). If they do not end within the
     * cancel wait, nothing is sent and the message says which orders are still pending.
     */
    @Override
    public Optional<BrokerOrder> closePosition(String symbol) {
        String notSettled = cancelAndWait(Set.of(symbol));
        if (notSettled != null) {
            throw new BrokerException("did not close the " + symbol + " position: " + notSettled
                    + "; try again when they have ended");
        }
        JsonNode closing = session.write("close the " + symbol + " position", () -> {
            AlpacaSession.Answer a = session.rest("DELETE", "positions/" + AlpacaMapping.alpacaSymbol(symbol), Map.of(), null);
            if (a.status() == 404) {
                return null;
            }
            AlpacaErrors.throwIfFailed("close the " + symbol + " position", a);
            return a.json();
        });
        return Optional.ofNullable(closing).map(c -> AlpacaMapping.order("DELETE /v2/positions/{symbol}", "", c));
    }

    /**
     * Asks to cancel the open orders of {@code symbols} (all when empty) and waits until none of them
     * is open any more; returns null when they all ended, else which are still open.
     */
    private String cancelAndWait(Set<String> symbols) {
        Map<String, String> filter = symbols.isEmpty() ? Map.of()
                : Map.of("symbols", symbols.stream().map(AlpacaMapping::alpacaSymbol).collect(Collectors.joining(",")));
        List<BrokerOrder> open = openOrders(filter);
        if (open.isEmpty()) {
            return null;
        }
        for (BrokerOrder o : open) {
            cancel(o.brokerOrderId());
        }
        long deadline = System.nanoTime() + cancelWait.toNanos();
        long pause = 50;
        while (true) {
            List<BrokerOrder> still = openOrders(filter);
            if (still.isEmpty()) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return still.size() + " order(s) still open after asking to cancel them for " + cancelWait.toSeconds() + " s ("
                        + still.stream().map(o -> o.clientOrderId() + " " + o.status()).collect(Collectors.joining(", ")) + ")";
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for cancels";
            }
            pause = Math.min(500, pause * 2);
        }
    }

    @Override
    public MarketClock clock() {
        JsonNode answer = session.readRest("read Alpaca's market clock", "clock");
        StrictJson c = StrictJson.object("GET /v2/clock", "", answer);
        return new MarketClock(c.time("timestamp"), c.bool("is_open"), c.time("next_open"), c.time("next_close"));
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        JsonNode answer = session.readRest("read Alpaca's calendar " + from + " to " + to, "calendar",
                Map.of("start", from.toString(), "end", to.toString()));
        JsonNode days = StrictJson.array("GET /v2/calendar", answer);
        List<MarketDay> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            StrictJson d = StrictJson.object("GET /v2/calendar", "[" + i + "]", days.get(i));
            try {
                out.add(new MarketDay(LocalDate.parse(d.text("date")), LocalTime.parse(d.text("open")), LocalTime.parse(d.text("close"))));
            } catch (DateTimeParseException e) {
                throw d.fail("date/open/close", "is not a date and HH:MM times (" + e.getParsedString() + ")");
            }
        }
        return out;
    }

    /**
     * The latest quote from Alpaca's market data (the account's feed); last is the mid, as quotes carry
     * no trade. Alpaca sends 0 for a side that has no quote (outside trading hours, a thin feed): that
     * is no quote at all, reported with its reason instead of as a price of zero.
     */
    @Override
    public Quote latestQuote(String symbol) {
        if (OptionSymbols.isOption(symbol)) {
            return options().latestQuote(symbol);
        }
        LatestStockQuoteResponse r = session.read("read the latest " + symbol + " quote",
                () -> session.api().stockMarketData().getLatestQuote(symbol));
        if (r == null || r.getQuote() == null) {
            throw new BrokerException("Alpaca has no quote for " + symbol + "; check the symbol");
        }
        var q = r.getQuote();
        double bid = q.getBidPrice() == null ? Double.NaN : q.getBidPrice();
        double ask = q.getAskPrice() == null ? Double.NaN : q.getAskPrice();
        if (bid == 0 || ask == 0) {
            String side = bid == 0 && ask == 0 ? "bid and ask are" : bid == 0 ? "bid is" : "ask is";
            throw new BrokerException("Alpaca has no quote for " + symbol + " now (" + side
                    + " 0, Alpaca's 'none': no one is quoting it on this feed, e.g. outside trading hours); not pricing an order from it");
        }
        return new Quote(symbol, bid, ask, (bid + ask) / 2, q.getTimestamp() == null ? null : q.getTimestamp().toInstant());
    }

    @Override
    public void close() {
        if (ownsSession) {
            session.close();
        }
    }

    @Override
    public String toString() {
        return "AlpacaBroker[" + name() + "]";
    }
}
