package org.leverdesk.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * A scripted broker for execution tests: records every submit, fills MARKET orders at once at the
 * symbol's set price (other types rest as ACCEPTED), refuses a reused client order id like Alpaca,
 * and can be told to time out (after or before taking the order) or reject the next submit.
 */
public final class ScriptedBroker implements Broker {
    /** What the next submit does. */
    public enum Fault { NONE, TIMEOUT_AFTER_ACCEPT, TIMEOUT_BEFORE_ACCEPT, REJECT }

    public final List<OrderRequest> submits = new ArrayList<>();
    public final List<String> cancels = new ArrayList<>();
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
    private final Map<String, BigDecimal> positions = new LinkedHashMap<>();
    private final Map<String, Double> prices = new LinkedHashMap<>();
    private final Map<String, Quote> quotes = new LinkedHashMap<>();
    private BigDecimal cash;
    private BigDecimal buyingPower;
    private boolean open = true;
    private Fault next = Fault.NONE;
    private int seq;
    private volatile Instant now;

    public ScriptedBroker(double cash, Instant now) {
        this.cash = BigDecimal.valueOf(cash);
        this.now = now;
    }

    /** Sets the fill price and a tight quote (bid = price - 0.01, ask = price + 0.01) stamped now. */
    public ScriptedBroker price(String symbol, double price) {
        prices.put(symbol, price);
        quotes.put(symbol, new Quote(symbol, price - 0.01, price + 0.01, price, now));
        return this;
    }

    public ScriptedBroker quote(Quote q) {
        quotes.put(q.symbol(), q);
        return this;
    }

    public ScriptedBroker position(String symbol, long quantity) {
        positions.put(symbol, BigDecimal.valueOf(quantity));
        return this;
    }

    public ScriptedBroker buyingPower(double bp) {
        this.buyingPower = BigDecimal.valueOf(bp);
        return this;
    }

    public ScriptedBroker marketOpen(boolean open) {
        this.open = open;
        return this;
    }

    public ScriptedBroker failNextSubmit(Fault fault) {
        this.next = fault;
        return this;
    }

    /** Puts an order the broker holds already (as if sent by an earlier, forgotten run). */
    public BrokerOrder existing(OrderRequest r) {
        return accept(r);
    }

    public List<BrokerOrder> allOrders() {
        return List.copyOf(orders.values());
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized Account account() {
        BigDecimal equity = cash;
        for (Map.Entry<String, BigDecimal> p : positions.entrySet()) {
            equity = equity.add(p.getValue().multiply(BigDecimal.valueOf(prices.getOrDefault(p.getKey(), 0.0))));
        }
        return new Account("test-account", cash, equity, buyingPower != null ? buyingPower : cash, equity, false);
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        List<BrokerPosition> out = new ArrayList<>();
        positions.forEach((s, q) -> {
            BigDecimal px = BigDecimal.valueOf(prices.getOrDefault(s, 0.0));
            out.add(new BrokerPosition(s, q, px, q.multiply(px), px, BigDecimal.ZERO));
        });
        return out;
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        return orders.values().stream().filter(BrokerOrder::isOpen).toList();
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest r) {
        submits.add(r);
        Fault f = next;
        next = Fault.NONE;
        if (orders.containsKey(r.clientOrderId())) {
            throw new DuplicateClientOrderIdException(r.clientOrderId(), "client order id " + r.clientOrderId() + " was used before");
        }
        switch (f) {
            case TIMEOUT_BEFORE_ACCEPT -> throw new BrokerUnavailableException("timed out", null);
            case TIMEOUT_AFTER_ACCEPT -> {
                accept(r);
                throw new BrokerUnavailableException("timed out after sending", null);
            }
            case REJECT -> throw new OrderRejectedException("insufficient buying power");
            default -> {
                return accept(r);
            }
        }
    }

    private BrokerOrder accept(OrderRequest r) {
        String id = "b-" + (++seq);
        BrokerOrder o = new BrokerOrder(id, r.clientOrderId(), r.symbol(), r.side(), r.quantity(), BigDecimal.ZERO, null,
                r.type(), r.timeInForce(), r.limitPrice(), r.stopPrice(), OrderStatus.ACCEPTED, now, now, null);
        if (r.type() == OrderType.MARKET && open) {
            BigDecimal px = BigDecimal.valueOf(prices.get(r.symbol()));
            positions.merge(r.symbol(), r.quantity().multiply(BigDecimal.valueOf(r.side().sign())), BigDecimal::add);
            if (positions.get(r.symbol()).signum() == 0) {
                positions.remove(r.symbol());
            }
            cash = cash.subtract(r.quantity().multiply(px).multiply(BigDecimal.valueOf(r.side().sign())));
            o = new BrokerOrder(id, r.clientOrderId(), r.symbol(), r.side(), r.quantity(), r.quantity(), px, r.type(),
                    r.timeInForce(), r.limitPrice(), r.stopPrice(), OrderStatus.FILLED, now, now, null);
        }
        orders.put(r.clientOrderId(), o);
        return o;
    }

    @Override
    public synchronized Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    @Override
    public synchronized void cancel(String brokerOrderId) {
        cancels.add(brokerOrderId);
        orders.replaceAll((k, o) -> o.brokerOrderId().equals(brokerOrderId) && o.isOpen() ? canceled(o) : o);
    }

    private BrokerOrder canceled(BrokerOrder o) {
        return new BrokerOrder(o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), o.quantity(), o.filledQuantity(),
                o.filledAveragePrice(), o.type(), o.timeInForce(), o.limitPrice(), o.stopPrice(), OrderStatus.CANCELED,
                o.submittedAt(), now, null);
    }

    @Override
    public synchronized List<BrokerOrder> cancelAll() {
        List<BrokerOrder> open = openOrders();
        open.forEach(o -> cancel(o.brokerOrderId()));
        return open;
    }

    @Override
    public synchronized List<CloseOutcome> closeAllPositions() {
        cancelAll();
        List<CloseOutcome> out = new ArrayList<>();
        for (String s : List.copyOf(positions.keySet())) {
            BigDecimal q = positions.get(s);
            BrokerOrder o = closePosition(s).orElseThrow();
            out.add(new CloseOutcome(s, q, true, o.brokerOrderId(), "closed"));
        }
        return out;
    }

    @Override
    public synchronized Optional<BrokerOrder> closePosition(String symbol) {
        BigDecimal q = positions.get(symbol);
        if (q == null) {
            return Optional.empty();
        }
        openOrders().stream().filter(o -> o.symbol().equals(symbol)).forEach(o -> cancel(o.brokerOrderId()));
        Side side = q.signum() > 0 ? Side.SELL : Side.BUY;
        return Optional.of(accept(new OrderRequest("close-" + symbol + "-" + (seq + 1), symbol, side, q.abs(),
                open ? OrderType.MARKET : OrderType.MARKET_ON_OPEN, open ? TimeInForce.DAY : TimeInForce.OPG, null, null)));
    }

    /** Moves the broker's clock (and its orders' timestamps) to {@code at}. */
    public void setNow(Instant at) {
        now = at;
    }

    @Override
    public MarketClock clock() {
        return new MarketClock(now, open, now, now);
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public synchronized Quote latestQuote(String symbol) {
        Quote q = quotes.get(symbol);
        if (q == null) {
            throw new org.leverdesk.broker.BrokerException("no quote for " + symbol);
        }
        return q;
    }
}
