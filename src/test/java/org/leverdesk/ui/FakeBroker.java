package org.leverdesk.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;

/**
 * An in-memory {@link Broker} for UI tests: an account with cash, long positions valued at a price the
 * test sets, and resting limit orders. Closing sells at the current price and credits the cash, so
 * equity is consistent before and after. A test can make one symbol's close fail, make the broker
 * unreachable, or hold {@link #closeAllPositions()} on a latch to act while it "hangs". Thread-safe:
 * the panic close calls it from its own thread.
 */
public final class FakeBroker implements Broker {
    private record Holding(BigDecimal quantity, BigDecimal averagePrice, BigDecimal price) {
    }

    private final Instant now;
    private BigDecimal cash;
    private BigDecimal lastEquity;
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
    private final Map<String, String> closeFailures = new HashMap<>();
    private volatile CountDownLatch closeGate;
    private volatile boolean unreachable;
    private volatile String closeAllThread;
    private int sequence;
    private int cancelAllCalls;
    private int closeAllCalls;

    public FakeBroker(Instant now, String cash, String lastEquity) {
        this.now = now;
        this.cash = new BigDecimal(cash);
        this.lastEquity = new BigDecimal(lastEquity);
    }

    /** Adds a long position of {@code quantity} bought at {@code averagePrice}, now worth {@code price} a share. */
    public synchronized FakeBroker hold(String symbol, String quantity, String averagePrice, String price) {
        holdings.put(symbol, new Holding(new BigDecimal(quantity), new BigDecimal(averagePrice), new BigDecimal(price)));
        return this;
    }

    /** Moves the price of a held symbol (the positions' P&L follows). */
    public synchronized void price(String symbol, String price) {
        Holding h = holdings.get(symbol);
        holdings.put(symbol, new Holding(h.quantity(), h.averagePrice(), new BigDecimal(price)));
    }

    /** Places a resting limit order directly (as if a strategy had sent it earlier). */
    public synchronized BrokerOrder rest(String clientOrderId, String symbol, Side side, String quantity, String limit) {
        return submit(new OrderRequest(clientOrderId, symbol, side, new BigDecimal(quantity), OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal(limit), null));
    }

    /** Closing {@code symbol} will fail with {@code reason} (e.g. a halted symbol). */
    public synchronized void failClosing(String symbol, String reason) {
        closeFailures.put(symbol, reason);
    }

    /** Every call throws {@link BrokerUnavailableException} while true. */
    public void unreachable(boolean value) {
        unreachable = value;
    }

    /** {@link #closeAllPositions()} waits on {@code gate} before doing anything (a hung broker). */
    public void holdCloseAllOn(CountDownLatch gate) {
        closeGate = gate;
    }

    public synchronized int cancelAllCalls() {
        return cancelAllCalls;
    }

    /** The name of the thread that last called {@link #closeAllPositions()}. */
    public String closeAllThread() {
        return closeAllThread;
    }

    public synchronized int closeAllCalls() {
        return closeAllCalls;
    }

    /** Every order ever placed, in any state, by broker order id. */
    public synchronized Map<String, BrokerOrder> allOrders() {
        return Map.copyOf(orders);
    }

    private void reachable() {
        if (unreachable) {
            throw new BrokerUnavailableException("the fake broker is unreachable (connection refused); try again later", null);
        }
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized Account account() {
        reachable();
        BigDecimal value = holdings.values().stream().map(h -> h.quantity().multiply(h.price())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal equity = cash.add(value);
        return new Account("FAKE-1", cash, equity, cash.max(BigDecimal.ZERO).multiply(BigDecimal.TWO), lastEquity, false);
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        reachable();
        List<BrokerPosition> out = new ArrayList<>();
        holdings.forEach((symbol, h) -> out.add(new BrokerPosition(symbol, h.quantity(), h.averagePrice(),
                h.quantity().multiply(h.price()), h.price(), h.price().subtract(h.averagePrice()).multiply(h.quantity()))));
        return out;
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        reachable();
        return orders.values().stream().filter(BrokerOrder::isOpen).toList();
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest r) {
        reachable();
        if (orders.values().stream().anyMatch(o -> o.clientOrderId().equals(r.clientOrderId()))) {
            throw new DuplicateClientOrderIdException(r.clientOrderId(), "client order id " + r.clientOrderId() + " was used before");
        }
        String id = "fake-" + (++sequence);
        BrokerOrder o = new BrokerOrder(id, r.clientOrderId(), r.symbol(), r.side(), r.quantity(), BigDecimal.ZERO, null, r.type(),
                r.timeInForce(), r.limitPrice(), r.stopPrice(), OrderStatus.ACCEPTED, now, now, null);
        orders.put(id, o);
        return o;
    }

    @Override
    public synchronized Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        reachable();
        return orders.values().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst();
    }

    @Override
    public synchronized void cancel(String brokerOrderId) {
        reachable();
        BrokerOrder o = orders.get(brokerOrderId);
        if (o == null) {
            throw new BrokerException("no order " + brokerOrderId + " at the fake broker; refresh the order list");
        }
        if (o.isOpen()) {
            orders.put(brokerOrderId, withStatus(o, OrderStatus.CANCELED));
        }
    }

    private BrokerOrder withStatus(BrokerOrder o, OrderStatus status) {
        return new BrokerOrder(o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), o.quantity(), o.filledQuantity(),
                o.filledAveragePrice(), o.type(), o.timeInForce(), o.limitPrice(), o.stopPrice(), status, o.submittedAt(), now, null);
    }

    @Override
    public synchronized List<BrokerOrder> cancelAll() {
        reachable();
        cancelAllCalls++;
        List<BrokerOrder> open = openOrders();
        open.forEach(o -> orders.put(o.brokerOrderId(), withStatus(o, OrderStatus.CANCELED)));
        return open;
    }

    @Override
    public List<CloseOutcome> closeAllPositions() {
        closeAllThread = Thread.currentThread().getName();
        CountDownLatch gate = closeGate;
        if (gate != null) {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("interrupted while closing positions", e);
            }
        }
        synchronized (this) {
            reachable();
            closeAllCalls++;
            cancelAll();
            cancelAllCalls--; // counted as part of closing, not as a separate request
            List<CloseOutcome> out = new ArrayList<>();
            for (String symbol : List.copyOf(holdings.keySet())) {
                String failure = closeFailures.get(symbol);
                if (failure != null) {
                    out.add(new CloseOutcome(symbol, holdings.get(symbol).quantity(), false, null, failure));
                    continue;
                }
                BigDecimal quantity = holdings.get(symbol).quantity();
                BrokerOrder close = sell(symbol);
                out.add(new CloseOutcome(symbol, quantity, true, close.brokerOrderId(), "sold " + quantity.toPlainString()
                        + " at " + close.filledAveragePrice().setScale(2, RoundingMode.HALF_UP).toPlainString()));
            }
            return out;
        }
    }

    /** Sells the whole holding at its price, filled at once. */
    private BrokerOrder sell(String symbol) {
        Holding h = holdings.get(symbol);
        BrokerOrder sent = submit(new OrderRequest("close-" + symbol + "-" + (sequence + 1), symbol, Side.SELL, h.quantity(),
                OrderType.MARKET, TimeInForce.DAY, null, null));
        BrokerOrder filled = new BrokerOrder(sent.brokerOrderId(), sent.clientOrderId(), symbol, Side.SELL, h.quantity(),
                h.quantity(), h.price(), OrderType.MARKET, TimeInForce.DAY, null, null, OrderStatus.FILLED, now, now, null);
        orders.put(filled.brokerOrderId(), filled);
        cash = cash.add(h.quantity().multiply(h.price()));
        holdings.remove(symbol);
        return filled;
    }

    @Override
    public synchronized Optional<BrokerOrder> closePosition(String symbol) {
        reachable();
        orders.values().stream().filter(o -> o.isOpen() && o.symbol().equals(symbol)).toList()
                .forEach(o -> orders.put(o.brokerOrderId(), withStatus(o, OrderStatus.CANCELED)));
        if (!holdings.containsKey(symbol)) {
            return Optional.empty();
        }
        if (closeFailures.containsKey(symbol)) {
            throw new BrokerException(closeFailures.get(symbol));
        }
        return Optional.of(sell(symbol));
    }

    @Override
    public MarketClock clock() {
        return new MarketClock(now, true, now.plusSeconds(3600 * 18), now.plusSeconds(3600 * 2));
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public synchronized Quote latestQuote(String symbol) {
        Holding h = holdings.get(symbol);
        double p = h == null ? Double.NaN : h.price().doubleValue();
        return new Quote(symbol, p, p, p, now);
    }
}
