package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
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
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * An in-memory cash account that fills orders from the quotes it is given, by the rules of
 * {@link OrderMatcher}. Time and the market's open state are set by hand ({@link #setTime},
 * {@link #openSession}, {@link #closeMarket}), so tests and the paper broker decide when things happen.
 * Long only: buys need buying power (cash less what open buys hold back), sells need shares not
 * already promised to other sell orders, and cash never goes negative.
 */
public final class SimBroker implements Broker {
    /** Starting cash when none is given. */
    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("100000.00");

    private final String name;
    private final CommissionModel commission;
    private final CalendarClock calendar;
    private BigDecimal cash;
    private BigDecimal lastEquity;
    private boolean open;
    private long nextOrderNumber;
    private Instant now;
    private final Map<String, SimHolding> holdings = new TreeMap<>();
    // Every order ever accepted, by broker id, in submission order; their client ids stay used.
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    private final Map<String, String> brokerIdByClientId = new HashMap<>();
    private final Map<String, Quote> quotes = new TreeMap<>();

    // Changes since the last drainChanges(), for the paper broker's store.
    private final Set<String> changedOrders = new LinkedHashSet<>();
    private final Set<String> changedSymbols = new LinkedHashSet<>();
    private final List<SimFill> newFills = new ArrayList<>();
    private final Set<String> changedQuotes = new LinkedHashSet<>();

    /** A $100,000 account named "sim", without commission, with the market open at {@code start}. */
    public SimBroker(Instant start) {
        this("sim", DEFAULT_CAPITAL, CommissionModel.FREE, new NyseCalendar(), start, true);
    }

    /** An empty account holding {@code capital} in cash; order ids start with {@code name}. */
    public SimBroker(String name, BigDecimal capital, CommissionModel commission, TradingCalendar calendar,
                     Instant start, boolean marketOpen) {
        this(name, commission, calendar, new SimState(capital, capital, marketOpen, 1, start, List.of(), List.of(), List.of()));
        if (capital.signum() < 0) {
            throw new IllegalArgumentException("starting capital must not be negative (got " + capital + ")");
        }
    }

    /** Carries on from a saved state (the paper broker after a restart). */
    public SimBroker(String name, CommissionModel commission, TradingCalendar calendar, SimState state) {
        this.name = name;
        this.commission = commission;
        this.calendar = new CalendarClock(calendar);
        this.cash = state.cash();
        this.lastEquity = state.lastEquity();
        this.open = state.marketOpen();
        this.nextOrderNumber = state.nextOrderNumber();
        this.now = state.now();
        state.holdings().forEach(h -> holdings.put(h.symbol(), h));
        state.orders().stream().sorted(Comparator.comparingLong(SimOrder::number)).forEach(o -> {
            orders.put(o.order().brokerOrderId(), o);
            brokerIdByClientId.put(o.order().clientOrderId(), o.order().brokerOrderId());
        });
        state.quotes().forEach(q -> quotes.put(q.symbol(), q));
    }

    // ---- the simulated market ----

    /** Sets the quote of {@code symbol} at {@code at} with last = mid; while the market is open, marketable orders fill. */
    public synchronized void setQuote(String symbol, double bid, double ask, Instant at) {
        setQuote(new Quote(symbol, bid, ask, (bid + ask) / 2, at));
    }

    /** Sets a quote; while the market is open, resting orders of its symbol that it makes marketable fill. */
    public synchronized void setQuote(Quote quote) {
        if (!(quote.bid() > 0) || !(quote.ask() >= quote.bid()) || !(quote.last() > 0)
                || !Double.isFinite(quote.ask()) || !Double.isFinite(quote.last())) {
            throw new IllegalArgumentException("quote of " + quote.symbol() + " is not usable (bid " + quote.bid() + ", ask "
                    + quote.ask() + ", last " + quote.last() + "); give positive prices with bid <= ask");
        }
        quotes.put(quote.symbol(), quote);
        changedQuotes.add(quote.symbol());
        if (open) {
            match(OrderMatcher.Phase.CONTINUOUS, quote.symbol());
        }
    }

    /** Opens the session: orders waiting for the open (MOO/OPG, and market orders sent while closed) fill at the current quotes. */
    public synchronized void openSession() {
        if (open) {
            return;
        }
        open = true;
        match(OrderMatcher.Phase.OPENING, null);
        // Opening-auction orders live for the auction only (no quote, or a limit that was not marketable).
        for (SimOrder o : List.copyOf(orders.values())) {
            if (o.order().isOpen() && OrderMatcher.atOpen(o.order())) {
                end(o, OrderStatus.EXPIRED, "not filled in the opening auction");
            }
        }
    }

    /** Closes the market: closing-auction orders fill, then day orders expire; the equity becomes the day's reference. */
    public synchronized void closeMarket() {
        if (!open) {
            return;
        }
        match(OrderMatcher.Phase.CLOSING, null);
        for (SimOrder o : List.copyOf(orders.values())) {
            BrokerOrder b = o.order();
            if (b.isOpen() && (b.timeInForce() == TimeInForce.DAY || OrderMatcher.atClose(b))) {
                end(o, OrderStatus.EXPIRED, null);
            }
        }
        open = false;
        lastEquity = equity();
    }

    /** Moves the simulated time (it never runs on its own). */
    public synchronized void setTime(Instant at) {
        now = at;
    }

    /** The simulated time now. */
    public synchronized Instant now() {
        return now;
    }

    /** Whether the simulated market is open. */
    public synchronized boolean isMarketOpen() {
        return open;
    }

    /** True while any order can still fill. */
    public synchronized boolean hasOpenOrders() {
        return orders.values().stream().anyMatch(o -> o.order().isOpen());
    }

    /** Symbols that have a position or an open order: the ones whose prices matter. */
    public synchronized Set<String> activeSymbols() {
        Set<String> out = new LinkedHashSet<>(holdings.keySet());
        orders.values().stream().filter(o -> o.order().isOpen()).forEach(o -> out.add(o.order().symbol()));
        return out;
    }

    /**
     * Starts the account over with {@code capital} in cash: open orders are cancelled and positions
     * dropped; past orders stay, so their client order ids remain used.
     */
    public synchronized void reset(BigDecimal capital) {
        for (SimOrder o : List.copyOf(orders.values())) {
            if (o.order().isOpen()) {
                end(o, OrderStatus.CANCELED, "account reset");
            }
        }
        changedSymbols.addAll(holdings.keySet());
        holdings.clear();
        cash = capital;
        lastEquity = capital;
    }

    /** Everything needed to rebuild this broker. */
    public synchronized SimState state() {
        return new SimState(cash, lastEquity, open, nextOrderNumber, now, List.copyOf(holdings.values()),
                List.copyOf(orders.values()), List.copyOf(quotes.values()));
    }

    /** Cash, reference equity, open flag, order counter and time, without the lists (cheap to ask for often). */
    public synchronized SimState summary() {
        return new SimState(cash, lastEquity, open, nextOrderNumber, now, List.of(), List.of(), List.of());
    }

    /** What changed since the previous call (the paper broker persists exactly that). */
    public synchronized SimChanges drainChanges() {
        List<SimOrder> o = changedOrders.stream().map(orders::get).toList();
        List<SimHolding> h = changedSymbols.stream().filter(holdings::containsKey).map(holdings::get).toList();
        List<String> closed = changedSymbols.stream().filter(s -> !holdings.containsKey(s)).toList();
        List<Quote> q = changedQuotes.stream().map(quotes::get).toList();
        SimChanges out = new SimChanges(o, h, closed, newFills, q);
        changedOrders.clear();
        changedSymbols.clear();
        newFills.clear();
        changedQuotes.clear();
        return out;
    }

    // ---- the Broker port ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Account account() {
        return new Account(name, cash, equity(), buyingPower(), lastEquity, false);
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        return holdings.values().stream().map(this::position).toList();
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        return orders.values().stream().map(SimOrder::order).filter(BrokerOrder::isOpen).toList();
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest r) {
        if (brokerIdByClientId.containsKey(r.clientOrderId())) {
            throw new DuplicateClientOrderIdException(r.clientOrderId(), "client order id " + r.clientOrderId()
                    + " was used before (order " + brokerIdByClientId.get(r.clientOrderId()) + "); look that order up instead of sending it again");
        }
        String id = name + "-" + nextOrderNumber;
        BrokerOrder order = new BrokerOrder(id, r.clientOrderId(), r.symbol(), r.side(), r.quantity(), BigDecimal.ZERO, null,
                r.type(), r.timeInForce(), r.limitPrice(), r.stopPrice(), OrderStatus.ACCEPTED, now, now, null);
        if (OrderMatcher.atOpen(order) && open) {
            throw new OrderRejectedException("order " + r.clientOrderId() + ": market-on-open orders are taken only while"
                    + " the market is closed; send a market order instead");
        }
        BigDecimal reserve = r.side() == Side.BUY ? checkBuyingPower(order) : checkSellable(order);
        SimOrder sim = new SimOrder(nextOrderNumber++, order, reserve, false);
        orders.put(id, sim);
        brokerIdByClientId.put(r.clientOrderId(), id);
        changedOrders.add(id);
        Quote q = quotes.get(r.symbol());
        if (open && q != null) {
            tryFill(sim, q, OrderMatcher.Phase.CONTINUOUS);
        }
        SimOrder placed = orders.get(id);
        if (placed.order().isOpen() && (r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK)) {
            end(placed, OrderStatus.CANCELED, "not filled at once (" + r.timeInForce() + ")");
        }
        return orders.get(id).order();
    }

    private BigDecimal checkBuyingPower(BrokerOrder order) {
        Quote q = quotes.get(order.symbol());
        if (q == null && order.limitPrice() == null) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": there is no quote for " + order.symbol()
                    + " to price the buy; wait for prices or send a limit order");
        }
        BigDecimal reserve = q == null ? order.limitPrice() : OrderMatcher.reservePrice(order, q);
        BigDecimal needed = money(order.quantity().multiply(reserve)).add(commission.commission(order.quantity()));
        BigDecimal available = buyingPower();
        if (needed.compareTo(available) > 0) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": insufficient buying power (the buy of "
                    + order.quantity().stripTrailingZeros().toPlainString() + " " + order.symbol() + " needs $" + needed
                    + ", $" + available + " is available); buy fewer shares");
        }
        return reserve;
    }

    private BigDecimal checkSellable(BrokerOrder order) {
        BigDecimal held = holdings.containsKey(order.symbol()) ? holdings.get(order.symbol()).quantity() : BigDecimal.ZERO;
        BigDecimal promised = orders.values().stream().map(SimOrder::order)
                .filter(o -> o.isOpen() && o.side() == Side.SELL && o.symbol().equals(order.symbol()))
                .map(o -> o.quantity().subtract(o.filledQuantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal available = held.subtract(promised);
        if (order.quantity().compareTo(available) > 0) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": insufficient quantity of " + order.symbol()
                    + " (holding " + plain(held) + ", " + plain(promised) + " already in open sell orders); this cash"
                    + " account cannot sell short");
        }
        return BigDecimal.ZERO;
    }

    @Override
    public synchronized Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        return Optional.ofNullable(brokerIdByClientId.get(clientOrderId)).map(id -> orders.get(id).order());
    }

    @Override
    public synchronized void cancel(String brokerOrderId) {
        SimOrder o = orders.get(brokerOrderId);
        if (o == null) {
            throw new BrokerException("there is no order " + brokerOrderId + " at the " + name + " broker; refresh the order list");
        }
        if (o.order().isOpen()) {
            end(o, OrderStatus.CANCELED, null);
        }
    }

    @Override
    public synchronized List<BrokerOrder> cancelAll() {
        List<BrokerOrder> out = new ArrayList<>();
        for (SimOrder o : List.copyOf(orders.values())) {
            if (o.order().isOpen()) {
                out.add(end(o, OrderStatus.CANCELED, null).order());
            }
        }
        return out;
    }

    @Override
    public synchronized List<CloseOutcome> closeAllPositions() {
        cancelAll();
        List<CloseOutcome> out = new ArrayList<>();
        for (SimHolding h : List.copyOf(holdings.values())) {
            try {
                BrokerOrder o = sendClose(h);
                out.add(new CloseOutcome(h.symbol(), h.quantity(), true, o.brokerOrderId(), describe(o)));
            } catch (BrokerException e) {
                out.add(new CloseOutcome(h.symbol(), h.quantity(), false, null, e.getMessage()));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<BrokerOrder> closePosition(String symbol) {
        for (SimOrder o : List.copyOf(orders.values())) {
            if (o.order().isOpen() && o.order().symbol().equals(symbol)) {
                end(o, OrderStatus.CANCELED, null);
            }
        }
        SimHolding h = holdings.get(symbol);
        return h == null ? Optional.empty() : Optional.of(sendClose(h));
    }

    private BrokerOrder sendClose(SimHolding h) {
        String clientId = "close-" + h.symbol() + "-" + name + "-" + nextOrderNumber;
        OrderRequest r = open
                ? new OrderRequest(clientId, h.symbol(), Side.SELL, h.quantity(), OrderType.MARKET, TimeInForce.DAY, null, null)
                : new OrderRequest(clientId, h.symbol(), Side.SELL, h.quantity(), OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null, null);
        return submit(r);
    }

    private static String describe(BrokerOrder o) {
        return switch (o.status()) {
            case FILLED -> "sold " + plain(o.filledQuantity()) + " at " + o.filledAveragePrice().stripTrailingZeros().toPlainString();
            case REJECTED, CANCELED, EXPIRED -> o.status().name().toLowerCase() + (o.rejectReason() == null ? "" : ": " + o.rejectReason());
            default -> "closing " + o.type() + " order waits for " + (o.type() == OrderType.MARKET_ON_OPEN ? "the open" : "a quote");
        };
    }

    @Override
    public synchronized MarketClock clock() {
        return calendar.clock(now, open);
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        return calendar.days(from, to);
    }

    @Override
    public synchronized Quote latestQuote(String symbol) {
        Quote q = quotes.get(symbol);
        if (q == null) {
            throw new BrokerException("the " + name + " broker has no quote for " + symbol + " yet; load prices for it first");
        }
        return q;
    }

    // ---- matching and book-keeping ----

    /** Offers every open order (of {@code symbol}, or all when null) its quote in {@code phase}, oldest first. */
    private void match(OrderMatcher.Phase phase, String symbol) {
        for (SimOrder o : List.copyOf(orders.values())) {
            if (!o.order().isOpen() || symbol != null && !o.order().symbol().equals(symbol)) {
                continue;
            }
            Quote q = quotes.get(o.order().symbol());
            if (q != null) {
                tryFill(o, q, phase);
            }
        }
    }

    private void tryFill(SimOrder o, Quote q, OrderMatcher.Phase phase) {
        boolean triggered = OrderMatcher.triggered(o.order(), o.stopTriggered(), q);
        if (triggered && !o.stopTriggered()) {
            o = o.triggered();
            put(o);
        }
        Optional<BigDecimal> price = OrderMatcher.fillPrice(o.order(), triggered, q, phase);
        if (price.isPresent()) {
            fill(o, price.get());
        }
    }

    private void fill(SimOrder o, BigDecimal price) {
        BrokerOrder b = o.order();
        BigDecimal qty = b.quantity().subtract(b.filledQuantity());
        BigDecimal value = money(qty.multiply(price));
        BigDecimal fee = commission.commission(qty);
        BigDecimal newCash = b.side() == Side.BUY ? cash.subtract(value).subtract(fee) : cash.add(value).subtract(fee);
        if (newCash.signum() < 0) {
            // The price moved since the order was accepted; a cash account cannot borrow the difference.
            end(o, OrderStatus.REJECTED, "not enough cash at the fill: $" + value.add(fee) + " needed, $" + cash + " held");
            return;
        }
        cash = newCash;
        SimHolding h = holdings.get(b.symbol());
        BigDecimal oldQty = h == null ? BigDecimal.ZERO : h.quantity();
        BigDecimal newQty = oldQty.add(b.side() == Side.BUY ? qty : qty.negate());
        if (newQty.signum() == 0) {
            holdings.remove(b.symbol());
        } else if (b.side() == Side.BUY) {
            BigDecimal cost = h == null ? BigDecimal.ZERO : oldQty.multiply(h.averageCost());
            BigDecimal avg = cost.add(qty.multiply(price)).divide(newQty, 6, RoundingMode.HALF_EVEN);
            holdings.put(b.symbol(), new SimHolding(b.symbol(), newQty, avg));
        } else {
            holdings.put(b.symbol(), new SimHolding(b.symbol(), newQty, h.averageCost()));
        }
        changedSymbols.add(b.symbol());
        newFills.add(new SimFill(b.brokerOrderId() + "-1", b.brokerOrderId(), b.symbol(), b.side(), qty, price, fee, now));
        put(o.with(new BrokerOrder(b.brokerOrderId(), b.clientOrderId(), b.symbol(), b.side(), b.quantity(), b.quantity(),
                price, b.type(), b.timeInForce(), b.limitPrice(), b.stopPrice(), OrderStatus.FILLED, b.submittedAt(), now, null)));
    }

    private SimOrder end(SimOrder o, OrderStatus status, String reason) {
        BrokerOrder b = o.order();
        SimOrder ended = o.with(new BrokerOrder(b.brokerOrderId(), b.clientOrderId(), b.symbol(), b.side(), b.quantity(),
                b.filledQuantity(), b.filledAveragePrice(), b.type(), b.timeInForce(), b.limitPrice(), b.stopPrice(), status,
                b.submittedAt(), now, reason));
        put(ended);
        return ended;
    }

    private void put(SimOrder o) {
        orders.put(o.order().brokerOrderId(), o);
        changedOrders.add(o.order().brokerOrderId());
    }

    private BrokerPosition position(SimHolding h) {
        BigDecimal last = lastPrice(h);
        BigDecimal value = money(h.quantity().multiply(last));
        return new BrokerPosition(h.symbol(), h.quantity(), h.averageCost(), value, last,
                value.subtract(money(h.quantity().multiply(h.averageCost()))));
    }

    /** Positions are valued at the last price; without any quote (never in practice) at their cost. */
    private BigDecimal lastPrice(SimHolding h) {
        Quote q = quotes.get(h.symbol());
        return q == null ? h.averageCost() : OrderMatcher.price(q.last());
    }

    private BigDecimal equity() {
        return holdings.values().stream().map(h -> money(h.quantity().multiply(lastPrice(h)))).reduce(cash, BigDecimal::add);
    }

    /** Cash less what open buys hold back (their unfilled shares at their reserve price). */
    private BigDecimal buyingPower() {
        BigDecimal held = orders.values().stream()
                .filter(o -> o.order().isOpen() && o.order().side() == Side.BUY)
                .map(o -> money(o.order().quantity().subtract(o.order().filledQuantity()).multiply(o.reservePrice()))
                        .add(commission.commission(o.order().quantity().subtract(o.order().filledQuantity()))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return cash.subtract(held).max(BigDecimal.ZERO.setScale(2));
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
