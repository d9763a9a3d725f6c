package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jacobpeterson.alpaca.model.endpoint.clock.Clock;
import net.jacobpeterson.alpaca.model.endpoint.orders.CancelledOrder;
import net.jacobpeterson.alpaca.model.endpoint.orders.Order;
import net.jacobpeterson.alpaca.model.endpoint.orders.enums.CurrentOrderStatus;
import net.jacobpeterson.alpaca.model.endpoint.marketdata.stock.historical.quote.LatestStockQuoteResponse;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.AlpacaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker port on Alpaca (paper or live) through alpaca-java 9.2.0, with direct REST calls for the
 * account (parsed tolerantly) and for closing all positions (per-position results). Reads are retried
 * with backoff and jitter; an order POST is never retried: when its outcome is unknown the caller
 * looks it up with {@link #orderByClientOrderId}.
 */
public final class AlpacaBroker implements Broker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    /** Alpaca's page limit for listing orders. */
    private static final int MAX_ORDERS = 500;

    private final AlpacaSession session;
    private final boolean ownsSession;

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
        return session.read("list Alpaca positions", () -> session.api().positions().get())
                .stream().map(AlpacaMapping::position).filter(p -> p.quantity().signum() != 0).toList();
    }

    @Override
    public List<BrokerOrder> openOrders() {
        List<Order> orders = session.read("list open Alpaca orders", () -> session.api().orders()
                .get(CurrentOrderStatus.OPEN, MAX_ORDERS, null, null, null, false, null));
        return orders.stream().map(AlpacaMapping::order).toList();
    }

    @Override
    public BrokerOrder submit(OrderRequest r) {
        Order placed = session.write("send order " + r.clientOrderId(), () -> {
            try {
                return session.api().orders().requestOrder(r.symbol(), r.quantity().doubleValue(), null,
                        AlpacaMapping.side(r.side()), AlpacaMapping.type(r.type()),
                        AlpacaMapping.timeInForce(r.type(), r.timeInForce()),
                        r.limitPrice() == null ? null : r.limitPrice().doubleValue(),
                        r.stopPrice() == null ? null : r.stopPrice().doubleValue(),
                        null, null, false, r.clientOrderId(), null, null, null, null);
            } catch (AlpacaClientException e) {
                throw AlpacaErrors.forSubmit(r.clientOrderId(), e);
            }
        });
        BrokerOrder order = AlpacaMapping.order(placed);
        LOG.info("Alpaca took order {} ({} {} {} {}): {}", r.clientOrderId(), r.side(), r.quantity(), r.symbol(),
                r.type(), order.status());
        return order;
    }

    @Override
    public Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        Order found = session.read("look up order " + clientOrderId, () -> {
            try {
                return session.api().orders().getByClientID(clientOrderId);
            } catch (AlpacaClientException e) {
                if (Integer.valueOf(404).equals(e.getResponseStatusCode())) {
                    return null;
                }
                throw e;
            }
        });
        return Optional.ofNullable(found).map(AlpacaMapping::order);
    }

    @Override
    public void cancel(String brokerOrderId) {
        // Cancelling is idempotent, so it may be retried like a read.
        session.read("cancel order " + brokerOrderId, () -> {
            try {
                session.api().orders().cancel(brokerOrderId);
            } catch (AlpacaClientException e) {
                // 422: the order already ended (filled, cancelled, expired); the port says that is fine.
                if (!Integer.valueOf(422).equals(e.getResponseStatusCode())) {
                    throw e;
                }
                LOG.info("order {} had already ended; nothing to cancel", brokerOrderId);
            }
            return null;
        });
    }

    @Override
    public List<BrokerOrder> cancelAll() {
        List<CancelledOrder> cancelled = session.read("cancel all Alpaca orders", () -> session.api().orders().cancelAll());
        List<BrokerOrder> out = new ArrayList<>();
        for (CancelledOrder c : cancelled) {
            if (c.getOrder() != null && c.getOrder().getId() != null) {
                out.add(AlpacaMapping.order(c.getOrder()));
            } else {
                LOG.warn("Alpaca could not cancel order {} (HTTP {})", c.getId(), c.getStatus());
            }
        }
        return out;
    }

    @Override
    public List<CloseOutcome> closeAllPositions() {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (BrokerPosition p : positions()) {
            held.put(p.symbol(), p.quantity());
        }
        // Sent once, never retried: each DELETE /v2/positions sends new closing orders.
        JsonNode answer = session.write("close all Alpaca positions", () -> {
            AlpacaSession.Answer a = session.rest("DELETE", "positions?cancel_orders=true");
            AlpacaErrors.throwIfFailed("close all Alpaca positions", a);
            return a.body();
        });
        List<CloseOutcome> out = new ArrayList<>();
        for (JsonNode item : answer.isArray() ? answer : List.<JsonNode>of()) {
            String symbol = item.path("symbol").asText();
            int status = item.path("status").asInt(0);
            JsonNode body = item.path("body");
            BigDecimal qty = held.remove(symbol);
            if (qty == null) {
                qty = AlpacaMapping.decimal(body.path("qty").asText(null), BigDecimal.ZERO);
            }
            if (status >= 200 && status < 300 && body.hasNonNull("id")) {
                out.add(new CloseOutcome(symbol, qty, true, body.get("id").asText(),
                        "closing order sent (" + body.path("status").asText("accepted") + ")"));
            } else {
                out.add(new CloseOutcome(symbol, qty, false, null, "Alpaca could not close it (HTTP " + status + ": "
                        + body.path("message").asText("no reason given") + ")"));
            }
        }
        for (Map.Entry<String, BigDecimal> missed : held.entrySet()) {
            out.add(new CloseOutcome(missed.getKey(), missed.getValue(), false, null,
                    "Alpaca did not report a closing order for this position; check it and close it by hand"));
        }
        out.forEach(o -> LOG.info("close {}: {} {}", o.symbol(), o.closed() ? "sent" : "FAILED", o.detail()));
        return out;
    }

    @Override
    public Optional<BrokerOrder> closePosition(String symbol) {
        for (BrokerOrder o : openOrders()) {
            if (o.symbol().equals(symbol)) {
                cancel(o.brokerOrderId());
            }
        }
        Order closing = session.write("close the " + symbol + " position", () -> {
            try {
                return session.api().positions().close(symbol, null, null);
            } catch (AlpacaClientException e) {
                if (Integer.valueOf(404).equals(e.getResponseStatusCode())) {
                    return null;
                }
                throw e;
            }
        });
        return Optional.ofNullable(closing).map(AlpacaMapping::order);
    }

    @Override
    public MarketClock clock() {
        Clock c = session.read("read Alpaca's market clock", () -> session.api().clock().get());
        if (c == null || c.getTimestamp() == null || c.getNextOpen() == null || c.getNextClose() == null) {
            throw new BrokerException("Alpaca's clock answer is incomplete; try again later");
        }
        return new MarketClock(c.getTimestamp().toInstant(), Boolean.TRUE.equals(c.getIsOpen()),
                c.getNextOpen().toInstant(), c.getNextClose().toInstant());
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        return session.read("read Alpaca's calendar " + from + " to " + to, () -> session.api().calendar().get(from, to))
                .stream().map(c -> new MarketDay(c.getDate(), c.getOpen(), c.getClose())).toList();
    }

    /** The latest quote from Alpaca's market data (the account's feed); last is the mid, as quotes carry no trade. */
    @Override
    public Quote latestQuote(String symbol) {
        LatestStockQuoteResponse r = session.read("read the latest " + symbol + " quote",
                () -> session.api().stockMarketData().getLatestQuote(symbol));
        if (r == null || r.getQuote() == null) {
            throw new BrokerException("Alpaca has no quote for " + symbol + "; check the symbol");
        }
        var q = r.getQuote();
        double bid = q.getBidPrice() == null ? Double.NaN : q.getBidPrice();
        double ask = q.getAskPrice() == null ? Double.NaN : q.getAskPrice();
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
