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
import java.util.function.Consumer;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.AuctionWindows;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.options.market.OptionInputException;

/**
 * An in-memory cash account that fills orders by the rules of {@link OrderMatcher}. Time and the
 * market's open state are set by hand ({@link #setTime}, {@link #openSession}, {@link #closeMarket}),
 * prices by quotes ({@link #setQuote}, {@link #print}) or by a day's range ({@link #sweep}), so tests,
 * the paper broker and backtests decide when things happen; {@link BarDay} drives it through a day
 * from daily bars the same way for backtests and the paper broker.
 *
 * <p>Long only: buys need buying power (cash less what open buys hold back), sells need shares not
 * already promised to other sell orders, and cash never goes negative. Money is exact (cents) at every
 * fill; quotes are doubles. Built to be driven thousands of times per backtest: a quote update or a
 * session change allocates nothing while no order is open.
 *
 * <p>Options (OCC symbols, quantities in contracts, money × the multiplier 100): with
 * {@link #setOptionChains} an option is quoted from the synthetic chain at the underlying's latest price
 * whenever it is asked for and whenever its underlying prints. Short options are allowed only covered,
 * as a cash account allows them: a short put holds strike × 100 of cash per contract out of the buying
 * power (cash-secured), a short call needs 100 shares of the underlying per contract that no other sell
 * or short call already holds (no naked calls), and those shares cannot be sold while the call is open.
 * {@link #settleExpiries} settles expiring positions at the close of their expiration day.
 */
public final class SimBroker implements Broker {
    /** Starting cash when none is given. */
    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("100000.00");
    private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);

    private final String name;
    private final CommissionModel commission;
    private final CalendarClock calendar;
    private final TradingCalendar sessions;
    private BigDecimal cash;
    private double cashValue;
    private BigDecimal lastEquity;
    // The reference equity as a double when not yet made exact (see closeMarket); NaN when lastEquity holds it.
    private double lastEquityValue = Double.NaN;
    private LedgerView lastView;
    private boolean open;
    private long nextOrderNumber;
    private Instant now;
    private final Map<String, Holding> holdings = new TreeMap<>();
    // Every order ever accepted, by broker id, in submission order; their client ids stay used.
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    // The orders that can still fill, in submission (= matching) order.
    private final Map<String, SimOrder> openOrders = new LinkedHashMap<>();
    private final Map<String, String> brokerIdByClientId = new HashMap<>();
    private final Map<String, QuoteSlot> quotes = new java.util.LinkedHashMap<>();
    private final List<Consumer<SimFill>> fillListeners = new ArrayList<>();
    private final List<Consumer<SimDividend>> dividendListeners = new ArrayList<>();
    private final List<Consumer<SimOptionEvent>> optionListeners = new ArrayList<>();
    private SyntheticChains optionChains;

    // Changes since the last drainChanges(), for the paper broker's store.
    private final Set<String> changedOrders = new LinkedHashSet<>();
    private final Set<String> changedSymbols = new LinkedHashSet<>();
    private final List<SimFill> newFills = new ArrayList<>();
    private final List<SimDividend> newDividends = new ArrayList<>();
    private final List<SimSplit> newSplits = new ArrayList<>();
    private final Set<String> changedQuotes = new LinkedHashSet<>();
    private boolean trackChanges = true;

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
        this.sessions = calendar;
        this.cash = state.cash();
        this.cashValue = cash.doubleValue();
        this.lastEquity = state.lastEquity();
        this.open = state.marketOpen();
        this.nextOrderNumber = state.nextOrderNumber();
        this.now = state.now();
        state.holdings().forEach(h -> holdings.put(h.symbol(), new Holding(h.symbol(), h.quantity(), h.averageCost())));
        state.orders().stream().sorted(Comparator.comparingLong(SimOrder::number)).forEach(o -> {
            put(o);
            brokerIdByClientId.put(o.order().clientOrderId(), o.order().brokerOrderId());
        });
        changedOrders.clear();
        state.quotes().forEach(q -> quotes.put(q.symbol(), new QuoteSlot(q.bid(), q.ask(), q.last(), q.at())));
    }

    /**
     * Stops recording changes for {@link #drainChanges} (a backtest never persists them): fills then
     * reach only the fill listeners, and nothing accumulates.
     */
    public synchronized void stopTrackingChanges() {
        trackChanges = false;
        changedOrders.clear();
        changedSymbols.clear();
        newFills.clear();
        newDividends.clear();
        changedQuotes.clear();
    }

    /** Calls {@code listener} with every fill from now on (on the thread that caused it). */
    public synchronized void addFillListener(Consumer<SimFill> listener) {
        fillListeners.add(listener);
    }

    /** Calls {@code listener} with every dividend credited from now on. */
    public synchronized void addDividendListener(Consumer<SimDividend> listener) {
        dividendListeners.add(listener);
    }

    /** Calls {@code listener} with every option expiry, assignment and exercise from now on. */
    public synchronized void addOptionListener(Consumer<SimOptionEvent> listener) {
        optionListeners.add(listener);
    }

    /** Quotes options from {@code chains} (null: options have quotes only when set by hand). */
    public synchronized void setOptionChains(SyntheticChains chains) {
        this.optionChains = chains;
    }

    // ---- the simulated market ----

    /** Sets the quote of {@code symbol} at {@code at} with last = mid; while the market is open, marketable orders fill. */
    public synchronized void setQuote(String symbol, double bid, double ask, Instant at) {
        setQuote(symbol, bid, ask, (bid + ask) / 2, at);
    }

    /** Sets a quote; while the market is open, resting orders of its symbol that it makes marketable fill. */
    public synchronized void setQuote(Quote quote) {
        setQuote(quote.symbol(), quote.bid(), quote.ask(), quote.last(), quote.at());
    }

    /**
     * A trade printed at {@code price} now: bid and ask {@code halfSpread} (a fraction, 0.0001 = 0.01%)
     * either side of it, last = price. This is how daily bars become quotes (see {@link BarDay}).
     */
    public synchronized void print(String symbol, double price, double halfSpread) {
        setQuote(symbol, price * (1 - halfSpread), price * (1 + halfSpread), price, now);
        if (optionChains != null) {
            repriceOptionsOn(symbol);
        }
    }

    /** Re-quotes the held options of {@code underlying} (and those with open orders) at its new price. */
    private void repriceOptionsOn(String underlying) {
        List<String> mine = null;
        for (Holding h : holdings.values()) {
            if (h.contract != null && h.contract.underlying().equals(underlying)) {
                (mine == null ? mine = new ArrayList<>() : mine).add(h.symbol);
            }
        }
        for (SimOrder o : openOrders.values()) {
            OptionContract c = OptionSymbols.contract(o.order().symbol()).orElse(null);
            if (c != null && c.underlying().equals(underlying)) {
                (mine == null ? mine = new ArrayList<>() : mine).add(o.order().symbol());
            }
        }
        if (mine != null) {
            for (String occ : mine) {
                priceOption(occ);
            }
        }
    }

    /**
     * Quotes option {@code occ} from the synthetic chain at its underlying's last price and today's date;
     * returns false when it cannot be priced (no underlying price, no chain input, expired). A zero bid is
     * kept (a worthless option has nothing to sell into); the quote guard refuses trading on it.
     */
    private boolean priceOption(String occ) {
        OptionContract c = OptionSymbols.contract(occ).orElse(null);
        QuoteSlot u = c == null ? null : quotes.get(c.underlying());
        if (optionChains == null || u == null || now == null) {
            return false;
        }
        LocalDate day = now.atZone(NyseCalendar.ZONE).toLocalDate();
        if (c.isExpiredOn(day) || !optionChains.underlyings().contains(c.underlying())) {
            return false;
        }
        OptionQuote q;
        try {
            q = optionChains.quote(c, day, u.last);
        } catch (OptionInputException | IllegalArgumentException e) {
            return false;
        }
        QuoteSlot slot = quotes.get(occ);
        if (slot == null) {
            quotes.put(occ, new QuoteSlot(q.bid(), q.ask(), q.mark(), now));
        } else {
            slot.set(q.bid(), q.ask(), q.mark(), now);
        }
        if (trackChanges) {
            changedQuotes.add(occ);
        }
        if (open && !openOrders.isEmpty()) {
            match(OrderMatcher.Phase.CONTINUOUS, occ);
        }
        return true;
    }

    private void setQuote(String symbol, double bid, double ask, double last, Instant at) {
        if (!(bid > 0) || !(ask >= bid) || !(last > 0) || !Double.isFinite(ask) || !Double.isFinite(last)) {
            throw new IllegalArgumentException("quote of " + symbol + " is not usable (bid " + bid + ", ask "
                    + ask + ", last " + last + "); give positive prices with bid <= ask");
        }
        QuoteSlot slot = quotes.get(symbol);
        if (slot == null) {
            quotes.put(symbol, new QuoteSlot(bid, ask, last, at));
        } else {
            slot.set(bid, ask, last, at);
        }
        if (trackChanges) {
            changedQuotes.add(symbol);
        }
        if (open && !openOrders.isEmpty()) {
            match(OrderMatcher.Phase.CONTINUOUS, symbol);
        }
    }

    /**
     * The rest of a session's range after its open, for orders resting at this broker: prices moved
     * from {@code open} to {@code low} and {@code high} (the low first when the day closed at or above
     * its open, else the high first) and on to {@code close}. A resting limit the range reaches fills
     * at its limit; a stop it reaches triggers and fills {@code halfSpread} beyond the stop (a market
     * order at the stop's print). Orders are reached in the order the path meets them. Only orders resting
     * since {@code restingSince} (the session's open) take part: daily bars cannot tell whether an order
     * placed during the session was there when the day's high or low traded.
     */
    public synchronized void sweep(String symbol, double open, double high, double low, double close, double halfSpread,
                                   Instant restingSince) {
        if (!this.open || openOrders.isEmpty()) {
            return;
        }
        List<SimOrder> down = new ArrayList<>();
        List<SimOrder> up = new ArrayList<>();
        for (SimOrder o : openOrders.values()) {
            BrokerOrder b = o.order();
            if (!b.symbol().equals(symbol) || OrderMatcher.atOpen(b) || OrderMatcher.atClose(b)
                    || b.submittedAt() != null && b.submittedAt().isAfter(restingSince)) {
                continue;
            }
            Double level = touchLevel(o);
            if (level == null) {
                continue;
            }
            boolean reachedFromAbove = reachedFromAbove(o);
            if (reachedFromAbove && low <= level) {
                down.add(o);
            } else if (!reachedFromAbove && high >= level) {
                up.add(o);
            }
        }
        down.sort(Comparator.comparingDouble((SimOrder o) -> -touchLevel(o)));
        up.sort(Comparator.comparingDouble(SimBroker::touchLevel));
        List<SimOrder> path = new ArrayList<>();
        if (close >= open) {
            path.addAll(down);
            path.addAll(up);
        } else {
            path.addAll(up);
            path.addAll(down);
        }
        for (SimOrder o : path) {
            SimOrder current = openOrders.get(o.order().brokerOrderId());
            if (current != null) {
                touch(current, halfSpread, low, high);
            }
        }
    }

    /** A resting order's price of interest: its stop until triggered, else its limit; null for market orders. */
    private static Double touchLevel(SimOrder o) {
        BrokerOrder b = o.order();
        if (b.stopPrice() != null && !o.stopTriggered()) {
            return b.stopPrice().doubleValue();
        }
        return b.limitPrice() != null ? b.limitPrice().doubleValue() : null;
    }

    /** Buy limits and sell stops are reached by falling prices; sell limits and buy stops by rising ones. */
    private static boolean reachedFromAbove(SimOrder o) {
        BrokerOrder b = o.order();
        boolean stop = b.stopPrice() != null && !o.stopTriggered();
        return (b.side() == Side.BUY) != stop;
    }

    private void touch(SimOrder o, double halfSpread, double low, double high) {
        BrokerOrder b = o.order();
        if (b.stopPrice() != null && !o.stopTriggered()) {
            SimOrder t = o.triggered();
            put(t);
            if (b.type() == OrderType.STOP) {
                double stop = b.stopPrice().doubleValue();
                fill(t, OrderMatcher.price(b.side() == Side.BUY ? stop * (1 + halfSpread) : stop * (1 - halfSpread)));
            } else if (b.limitPrice() != null && low <= b.limitPrice().doubleValue() && high >= b.limitPrice().doubleValue()) {
                fill(t, b.limitPrice());
            }
            return;
        }
        fill(o, b.limitPrice());
    }

    /** Opens the session: orders waiting for the open (MOO/OPG, and market orders sent while closed) fill at the current quotes. */
    public synchronized void openSession() {
        if (open) {
            return;
        }
        open = true;
        if (openOrders.isEmpty()) {
            return;
        }
        match(OrderMatcher.Phase.OPENING, null);
        // Opening-auction orders live for the auction only (no quote, or a limit that was not marketable).
        for (SimOrder o : List.copyOf(openOrders.values())) {
            if (OrderMatcher.atOpen(o.order())) {
                end(o, OrderStatus.EXPIRED, "not filled in the opening auction");
            }
        }
    }

    /** Closes the market: closing-auction orders fill, then day orders expire; the equity becomes the day's reference. */
    public synchronized void closeMarket() {
        if (!open) {
            return;
        }
        if (!openOrders.isEmpty()) {
            match(OrderMatcher.Phase.CLOSING, null);
            for (SimOrder o : List.copyOf(openOrders.values())) {
                BrokerOrder b = o.order();
                if (b.timeInForce() == TimeInForce.DAY || OrderMatcher.atClose(b)) {
                    end(o, OrderStatus.EXPIRED, null);
                }
            }
        }
        open = false;
        // A backtest (nothing persisted) asks for the reference equity only through account(): keep it as a
        // double here and make it exact money when asked, instead of pricing every position in decimals daily.
        if (trackChanges) {
            lastEquity = equity();
            lastEquityValue = Double.NaN;
        } else {
            lastEquityValue = equityValue();
        }
    }

    /**
     * Settles every option position expiring on or before {@code day}, at that day's close, against its
     * underlying's last price (call after the close's prints), as OCC and Alpaca do: in the money by
     * $0.01 or more is exercised (long) or assigned (short), otherwise it expires worthless.
     * <ul>
     *   <li>short put assigned: 100 shares per contract bought at the strike with the cash it held;</li>
     *   <li>short call assigned: the 100 covering shares per contract sold at the strike (called away);</li>
     *   <li>long call exercised: shares bought at the strike when the cash is there, else settled at its
     *       intrinsic value; long put exercised: held shares sold at the strike, else settled likewise.</li>
     * </ul>
     * The option leg closes with a fill at 0 (at the intrinsic value when cash-settled): the premium is the
     * option's P&L and the shares carry the strike as their cost. Open orders of an expiring option are
     * cancelled first. Returns the events, also given to the option listeners.
     */
    public synchronized List<SimOptionEvent> settleExpiries(LocalDate day) {
        List<SimOptionEvent> out = new ArrayList<>();
        for (SimOrder o : List.copyOf(openOrders.values())) {
            OptionContract c = OptionSymbols.contract(o.order().symbol()).orElse(null);
            if (c != null && !c.expiry().isAfter(day)) {
                end(o, OrderStatus.EXPIRED, "the option expired");
            }
        }
        out.addAll(settleSpreadsInTheMoney(day));
        List<Holding> expiring = new ArrayList<>();
        for (Holding h : holdings.values()) {
            if (h.contract != null && !h.contract.expiry().isAfter(day)) {
                expiring.add(h);
            }
        }
        // Short calls last: shares a put assignment delivers the same day are there before calls take theirs.
        expiring.sort(Comparator.comparingInt(h -> h.contract.isCall() && h.quantity.signum() < 0 ? 1 : 0));
        for (Holding h : expiring) {
            QuoteSlot u = quotes.get(h.contract.underlying());
            if (u == null) {
                continue; // without the underlying's price nothing can be decided; stays until a price comes
            }
            out.add(settle(h, day, u.last));
        }
        for (SimOptionEvent e : out) {
            for (Consumer<SimOptionEvent> l : optionListeners) {
                l.accept(e);
            }
        }
        return out;
    }

    /**
     * Exercises every contract of the held long option {@code symbol} now, before its expiry (American style): a call
     * buys, a put sells, the contracts' shares at the strike; the option leaves the account at no price (its time value
     * is given up, as on any broker). Recorded like an expiry's exercise ({@link SimOptionEvent.Kind#EXERCISED}, a fill
     * for the option and one for the shares) and told to the option listeners.
     *
     * @throws IllegalArgumentException (nothing changed) when {@code symbol} is not a held long option, an open order
     *         works on it, it is the long leg of a spread (exercising would leave the short uncovered), or the account
     *         cannot take the shares (a call's cost above the cash, a put's shares not held and free)
     */
    public synchronized SimOptionEvent exercise(String symbol) {
        OptionContract c = OptionSymbols.contract(symbol.strip()).orElseThrow(() -> new IllegalArgumentException(
                "'" + symbol + "' is not an OCC option symbol"));
        Holding h = holdings.get(c.occSymbol());
        String name = c.occSymbol().strip();
        if (h == null || h.quantity.signum() <= 0) {
            throw new IllegalArgumentException(h == null ? name + " is not held; only a held long option can be exercised"
                    : name + " is a short position: a short is assigned, not exercised");
        }
        LocalDate day = now.atZone(NyseCalendar.ZONE).toLocalDate();
        if (c.expiry().isBefore(day)) {
            throw new IllegalArgumentException(name + " expired on " + c.expiry());
        }
        for (SimOrder o : openOrders.values()) {
            if (o.order().symbol().equals(h.symbol)) {
                throw new IllegalArgumentException("an open order (" + o.order().clientOrderId() + ") works on " + name
                        + "; cancel it first");
            }
        }
        for (OptionCover.Pair p : cover(List.of()).pairs()) {
            if (p.longLeg().occSymbol().equals(h.symbol)) {
                throw new IllegalArgumentException(name + " is the long leg of a spread with " + p.shortLeg().occSymbol().strip()
                        + ": exercising it would leave the short uncovered; close the spread instead");
            }
        }
        BigDecimal shares = h.quantity.multiply(BigDecimal.valueOf(c.multiplier()));
        BigDecimal cost = money(shares.multiply(c.strike()));
        if (c.isCall() && cash.compareTo(cost) < 0) {
            throw new IllegalArgumentException("exercising " + name + " buys " + shares.toPlainString() + " " + c.underlying()
                    + " for " + dollars(cost) + "; the cash is " + dollars(cash));
        }
        BigDecimal free = sharesHeld(c.underlying()).subtract(sharesPromised(c.underlying()));
        if (!c.isCall() && free.compareTo(shares) < 0) {
            throw new IllegalArgumentException("exercising " + name + " sells " + shares.toPlainString() + " " + c.underlying()
                    + "; the account holds " + free.toPlainString() + " free of open sell orders (no short sale)");
        }
        QuoteSlot u = quotes.get(c.underlying());
        double spot = u == null ? Double.NaN : u.last;
        String optionFill = "exercised-" + now.toEpochMilli() + "-" + c.compactSymbol();
        BigDecimal cashBefore = cash;
        ledger(optionFill, h.symbol, Side.SELL, h.quantity, BigDecimal.ZERO);
        String shareFill = optionFill + "-shares";
        BigDecimal delivered = c.isCall() ? shares : shares.negate();
        ledger(shareFill, c.underlying(), c.isCall() ? Side.BUY : Side.SELL, shares, c.strike());
        SimOptionEvent e = new SimOptionEvent(SimOptionEvent.Kind.EXERCISED, day, h.symbol, c.underlying(), h.quantity, delivered,
                c.strike(), spot, cash.subtract(cashBefore), optionFill, shareFill, now);
        for (Consumer<SimOptionEvent> l : optionListeners) {
            l.accept(e);
        }
        return e;
    }

    /**
     * Spreads expiring with both legs in the money: the short's assignment and the long's exercise would
     * deliver the same shares in and out the same evening, so both legs close at their intrinsic value in
     * cash (net: the width × 100 per contract, the spread's maximum loss before its credit). A cash account
     * that holds only the width could not take the shares for a moment anyway.
     */
    private List<SimOptionEvent> settleSpreadsInTheMoney(LocalDate day) {
        List<OptionCover.Leg> expiring = new ArrayList<>();
        for (Holding h : holdings.values()) {
            if (h.contract != null && !h.contract.expiry().isAfter(day)) {
                expiring.add(new OptionCover.Leg(h.contract, h.quantity));
            }
        }
        List<SimOptionEvent> out = new ArrayList<>();
        for (OptionCover.Pair p : OptionCover.of(expiring).pairs()) {
            QuoteSlot u = quotes.get(p.shortLeg().underlying());
            if (u == null || !p.longLeg().expiry().equals(p.shortLeg().expiry())) {
                continue;
            }
            double shortValue = p.shortLeg().right().intrinsic(u.last, p.shortLeg().strikeValue());
            double longValue = p.longLeg().right().intrinsic(u.last, p.longLeg().strikeValue());
            if (shortValue < 0.01 - 1e-9 || longValue < 0.01 - 1e-9) {
                continue;
            }
            out.add(cashSettle(p.shortLeg(), p.contracts().negate(), Side.BUY, shortValue, day, u.last));
            out.add(cashSettle(p.longLeg(), p.contracts(), Side.SELL, longValue, day, u.last));
        }
        return out;
    }

    private SimOptionEvent cashSettle(OptionContract c, BigDecimal contracts, Side side, double intrinsic, LocalDate day,
                                      double spot) {
        String id = "cash_settled-" + day.toString().replace("-", "") + "-" + c.compactSymbol();
        BigDecimal before = cash;
        ledger(id, c.occSymbol(), side, contracts.abs(), OrderMatcher.price(intrinsic));
        return new SimOptionEvent(SimOptionEvent.Kind.CASH_SETTLED, day, c.occSymbol(), c.underlying(), contracts, BigDecimal.ZERO,
                c.strike(), spot, cash.subtract(before), id, null, now);
    }

    private SimOptionEvent settle(Holding h, LocalDate day, double spot) {
        OptionContract c = h.contract;
        BigDecimal contracts = h.quantity;
        BigDecimal strike = c.strike();
        BigDecimal perContract = BigDecimal.valueOf(c.multiplier());
        BigDecimal shares = contracts.abs().multiply(perContract);
        double intrinsic = c.right().intrinsic(spot, c.strikeValue());
        String tag = day.toString().replace("-", "") + "-" + c.compactSymbol();
        boolean itm = intrinsic >= 0.01 - 1e-9;
        SimOptionEvent.Kind kind;
        BigDecimal delivered = BigDecimal.ZERO;
        BigDecimal optionPrice = BigDecimal.ZERO;
        if (!itm) {
            kind = SimOptionEvent.Kind.EXPIRED;
        } else if (contracts.signum() < 0) {
            kind = SimOptionEvent.Kind.ASSIGNED;
            delivered = c.right() == OptionRight.PUT ? shares : shares.negate();
        } else {
            boolean canDeliver = c.right() == OptionRight.CALL
                    ? cash.compareTo(money(shares.multiply(strike))) >= 0
                    : sharesHeld(c.underlying()).subtract(sharesPromised(c.underlying())).compareTo(shares) >= 0;
            if (canDeliver) {
                kind = SimOptionEvent.Kind.EXERCISED;
                delivered = c.right() == OptionRight.CALL ? shares : shares.negate();
            } else {
                kind = SimOptionEvent.Kind.CASH_SETTLED;
                optionPrice = OrderMatcher.price(intrinsic);
            }
        }
        String optionFill = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + tag;
        BigDecimal cashBefore = cash;
        ledger(optionFill, h.symbol, contracts.signum() < 0 ? Side.BUY : Side.SELL, contracts.abs(), optionPrice);
        String shareFill = null;
        if (delivered.signum() != 0) {
            shareFill = optionFill + "-shares";
            ledger(shareFill, c.underlying(), delivered.signum() > 0 ? Side.BUY : Side.SELL, delivered.abs(), strike);
        }
        return new SimOptionEvent(kind, day, h.symbol, c.underlying(), contracts, delivered, strike, spot,
                cash.subtract(cashBefore), optionFill, shareFill, now);
    }

    /** A position change that is no order (expiry, assignment): cash and holdings move, a fill is reported, no fee. */
    private void ledger(String id, String symbol, Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal value = money(qty.multiply(price).multiply(BigDecimal.valueOf(OptionSymbols.multiplier(symbol))));
        setCash(side == Side.BUY ? cash.subtract(value) : cash.add(value));
        book(symbol, side, qty, price);
        SimFill f = new SimFill(id, id, symbol, side, qty, price, ZERO_MONEY, now);
        if (trackChanges) {
            newFills.add(f);
        }
        for (Consumer<SimFill> l : fillListeners) {
            l.accept(f);
        }
    }

    /**
     * Pays a cash dividend of {@code perShare} on the shares of {@code symbol} held now (the holders of
     * record at the previous close, when called before the ex-date's open), rounded to cents; returns
     * the amount (zero when nothing is held).
     */
    public synchronized BigDecimal payDividend(String symbol, BigDecimal perShare) {
        return payDividend(symbol, perShare, null);
    }

    /**
     * Pays {@code perShare} on the shares held now, but on no more than {@code recordQuantity} (the shares held
     * at the ex-date's open, when known: shares bought on the ex-date carry no dividend).
     */
    public synchronized BigDecimal payDividend(String symbol, BigDecimal perShare, BigDecimal recordQuantity) {
        Holding h = holdings.get(symbol);
        if (h == null || perShare.signum() <= 0) {
            return ZERO_MONEY;
        }
        BigDecimal quantity = recordQuantity == null ? h.quantity : h.quantity.min(recordQuantity);
        if (quantity.signum() <= 0) {
            return ZERO_MONEY;
        }
        BigDecimal amount = money(quantity.multiply(perShare));
        setCash(cash.add(amount));
        SimDividend d = new SimDividend(symbol, perShare, quantity, amount, now);
        if (trackChanges) {
            newDividends.add(d);
        }
        for (Consumer<SimDividend> l : dividendListeners) {
            l.accept(d);
        }
        return amount;
    }

    /**
     * Applies {@code split} at its ex-date's open (README "Splits on the paper account"): the shares held become
     * shares × new / old at average cost × old / new (the cost basis is unchanged); a fraction of a share left
     * over is sold back as cash in lieu at the last price on the new basis (the previous close ÷ ratio), booked
     * as a fill so the tax lots see the sale; every open order of the symbol keeps its id with its quantity ×
     * ratio (whole shares, rounded down; an order left with none is cancelled) and its limit, stop and reserve
     * prices ÷ ratio (to the cent at $1 and above, else to $0.0001); the last quote is moved onto the new basis.
     * Options on the symbol are not adjusted: the split is refused while any is held or ordered.
     *
     * @throws IllegalStateException naming the options, when an option position or order on the symbol exists
     */
    public synchronized SimSplit applySplit(org.leverdesk.market.data.Split split) {
        String symbol = split.symbol();
        List<String> options = new ArrayList<>();
        holdings.values().stream().filter(h -> h.contract != null && h.contract.underlying().equals(symbol)).forEach(h -> options.add(h.symbol));
        openOrders.values().stream().map(o -> o.order().symbol()).filter(s -> OptionSymbols.contract(s)
                .map(c -> c.underlying().equals(symbol)).orElse(false)).forEach(options::add);
        if (!options.isEmpty()) {
            throw new IllegalStateException("the " + split.describe() + " cannot be applied: the account holds or has ordered options on "
                    + symbol + " (" + String.join(", ", new java.util.TreeSet<>(options)) + ") and Leverdesk does not adjust an option's"
                    + " deliverable; close them, or reset the paper account");
        }
        QuoteSlot q = quotes.get(symbol);
        if (q != null) {
            double r = split.ratio().doubleValue();
            q.set(q.bid / r, q.ask / r, q.last / r, q.at);
            if (trackChanges) {
                changedQuotes.add(symbol);
            }
        }
        Holding h = holdings.get(symbol);
        BigDecimal before = h == null ? BigDecimal.ZERO : h.quantity;
        BigDecimal after = BigDecimal.ZERO;
        BigDecimal inLieu = ZERO_MONEY;
        if (h != null) {
            BigDecimal exact = split.shares(h.quantity).setScale(6, RoundingMode.FLOOR);
            BigDecimal whole = wholeOrExact(h.quantity, exact);
            holdings.put(symbol, new Holding(symbol, exact, split.price(h.averageCost).setScale(6, RoundingMode.HALF_EVEN)));
            if (trackChanges) {
                changedSymbols.add(symbol);
            }
            BigDecimal fraction = exact.subtract(whole);
            if (fraction.signum() > 0) {
                BigDecimal price = q != null ? BigDecimal.valueOf(q.last).setScale(4, RoundingMode.HALF_EVEN)
                        : split.price(h.averageCost).setScale(4, RoundingMode.HALF_EVEN);
                BigDecimal cashBefore = cash;
                ledger("split-" + symbol + "-" + split.exDate(), symbol, Side.SELL, fraction, price);
                inLieu = cash.subtract(cashBefore);
            }
            after = whole;
        }
        int adjusted = 0;
        for (SimOrder o : List.copyOf(openOrders.values())) {
            BrokerOrder b = o.order();
            if (!b.symbol().equals(symbol)) {
                continue;
            }
            adjusted++;
            BigDecimal quantity = wholeOrExact(b.quantity(), split.shares(b.quantity()).setScale(6, RoundingMode.FLOOR));
            if (quantity.signum() == 0) {
                end(o, OrderStatus.CANCELED, "the " + split.describe() + " leaves this order less than one share");
                continue;
            }
            put(new SimOrder(o.number(), new BrokerOrder(b.brokerOrderId(), b.clientOrderId(), b.symbol(), b.side(), quantity,
                    b.filledQuantity(), b.filledAveragePrice(), b.type(), b.timeInForce(), splitPrice(split, b.limitPrice()),
                    splitPrice(split, b.stopPrice()), b.status(), b.submittedAt(), now, b.rejectReason()),
                    split.price(o.reservePrice()).setScale(6, RoundingMode.HALF_EVEN), o.stopTriggered()));
        }
        SimSplit done = new SimSplit(symbol, split.exDate(), split.ratioText(), before, after, inLieu, adjusted, now);
        if (trackChanges) {
            newSplits.add(done);
        }
        return done;
    }

    /** Whole shares (rounded down) when {@code was} was whole, else {@code exact} (a fractional position stays fractional). */
    private static BigDecimal wholeOrExact(BigDecimal was, BigDecimal exact) {
        return was.stripTrailingZeros().scale() <= 0 ? exact.setScale(0, RoundingMode.FLOOR) : exact;
    }

    /** A limit or stop price on the new basis: to the cent at $1 and above, else to $0.0001 (the exchanges' ticks). */
    private static BigDecimal splitPrice(org.leverdesk.market.data.Split split, BigDecimal price) {
        if (price == null) {
            return null;
        }
        BigDecimal p = split.price(price);
        return p.setScale(p.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_EVEN);
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
        return !openOrders.isEmpty();
    }

    /** True when an order of {@code symbol} can still fill. */
    public synchronized boolean hasOpenOrders(String symbol) {
        for (SimOrder o : openOrders.values()) {
            if (o.order().symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    /** Symbols that have a position or an open order: the ones whose prices matter. */
    public synchronized Set<String> activeSymbols() {
        Set<String> out = new LinkedHashSet<>(holdings.keySet());
        openOrders.values().forEach(o -> out.add(o.order().symbol()));
        return out;
    }

    /**
     * Starts the account over with {@code capital} in cash: open orders are cancelled and positions
     * dropped; past orders stay, so their client order ids remain used.
     */
    public synchronized void reset(BigDecimal capital) {
        for (SimOrder o : List.copyOf(openOrders.values())) {
            end(o, OrderStatus.CANCELED, "account reset");
        }
        if (trackChanges) {
            changedSymbols.addAll(holdings.keySet());
        }
        holdings.clear();
        setCash(capital);
        lastEquity = capital;
        lastEquityValue = Double.NaN;
    }

    /** Everything needed to rebuild this broker. */
    public synchronized SimState state() {
        return new SimState(cash, lastEquity(), open, nextOrderNumber, now, holdingList(),
                List.copyOf(orders.values()), quoteList());
    }

    /** Cash, reference equity, open flag, order counter and time, without the lists (cheap to ask for often). */
    public synchronized SimState summary() {
        return new SimState(cash, lastEquity(), open, nextOrderNumber, now, List.of(), List.of(), List.of());
    }

    /** What changed since the previous call (the paper broker persists exactly that). */
    public synchronized SimChanges drainChanges() {
        List<SimOrder> o = changedOrders.stream().map(orders::get).toList();
        List<SimHolding> h = changedSymbols.stream().filter(holdings::containsKey).map(s -> holdings.get(s).record()).toList();
        List<String> closed = changedSymbols.stream().filter(s -> !holdings.containsKey(s)).toList();
        List<Quote> q = changedQuotes.stream().map(s -> quotes.get(s).quote(s)).toList();
        SimChanges out = new SimChanges(o, h, closed, newFills, q, newDividends, newSplits);
        changedOrders.clear();
        changedSymbols.clear();
        newFills.clear();
        newDividends.clear();
        newSplits.clear();
        changedQuotes.clear();
        return out;
    }

    /** Cash plus every position at its last price, as a double (for equity curves; the port's {@link #account()} is exact). */
    public synchronized double equityValue() {
        double v = cashValue;
        for (Holding h : holdings.values()) {
            v += h.quantityValue * h.multiplier * lastPriceValue(h);
        }
        return v;
    }

    /** Cash as a double. */
    public synchronized double cashValue() {
        return cashValue;
    }

    /** True when any position is held. */
    public synchronized boolean hasPositions() {
        return !holdings.isEmpty();
    }

    // ---- the Broker port ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Account account() {
        return new Account(name, cash, equity(), buyingPower(), lastEquity(), false);
    }

    private BigDecimal lastEquity() {
        if (!Double.isNaN(lastEquityValue)) {
            lastEquity = BigDecimal.valueOf(lastEquityValue).setScale(2, RoundingMode.HALF_EVEN);
            lastEquityValue = Double.NaN;
        }
        return lastEquity;
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        List<BrokerPosition> out = new ArrayList<>(holdings.size());
        for (Holding h : holdings.values()) {
            out.add(position(h));
        }
        return out;
    }

    /**
     * The same view as {@link Broker#portfolioView} computes from {@link #account()} and
     * {@link #positions()}, read straight from the ledger: equity × share, the positions in
     * {@code traded}, cash = that equity less their value (never below 0).
     */
    @Override
    public synchronized PortfolioView portfolioView(Set<String> traded, double capitalShare) {
        // The view reads the ledger when asked, so the same one serves every decision of a replay.
        LedgerView v = lastView;
        if (v == null || !v.isFor(traded, capitalShare)) {
            v = new LedgerView(this, traded, capitalShare);
            lastView = v;
        }
        return v;
    }

    /**
     * {@link #portfolioView(Set, double)} with contract-level ownership (decision record 0031), read from the ledger
     * as that view is: an attributed position counts with the strategy's part, valued at that part of its last price,
     * at the strategy's own average entry price where the ownership knows it. With every part the whole position, bought
     * by its holder alone, the figures are that view's to the last bit.
     */
    @Override
    public synchronized PortfolioView portfolioView(Set<String> traded, double capitalShare,
                                                    org.leverdesk.broker.PositionOwnership ownership) {
        if (!(capitalShare > 0 && capitalShare <= 1)) {
            throw new IllegalArgumentException("a capital share must be above 0 and at most 1 (got " + capitalShare + ")");
        }
        List<BrokerPosition> all = positions();
        Map<String, Long> parts = ownership.parts(all);
        Map<String, BigDecimal> averages = ownership.averageEntryPrices(all);
        Map<String, org.leverdesk.domain.Position> mine = new LinkedHashMap<>();
        double held = 0;
        for (Holding h : holdings.values()) {
            if (!OptionSymbols.belongsTo(traded, h.symbol)) {
                continue;
            }
            Long part = parts.get(h.symbol);
            held += (part == null ? h.quantityValue : part.doubleValue()) * h.multiplier * lastPriceValue(h);
            long q = part == null ? h.wholeShares : part;
            if (q != 0) {
                mine.put(h.symbol, new org.leverdesk.domain.Position(h.symbol, q,
                        averages.getOrDefault(h.symbol, h.averageCost).doubleValue()));
            }
        }
        double equity = equityValue() * capitalShare;
        return org.leverdesk.broker.StrategyPortfolio.fixed(equity, Math.max(0, equity - held), mine);
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        List<BrokerOrder> out = new ArrayList<>(openOrders.size());
        for (SimOrder o : openOrders.values()) {
            out.add(o.order());
        }
        return out;
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
        // Alpaca's auction windows (OPG 09:28-19:00, CLS from 10 minutes before the close to 19:00 ET).
        String outsideWindow = AuctionWindows.refusal(r.timeInForce(), now, sessions);
        if (outsideWindow != null) {
            throw new OrderRejectedException("order " + r.clientOrderId() + ": " + outsideWindow);
        }
        if (optionChains != null && OptionSymbols.isOption(r.symbol())) {
            priceOption(r.symbol());
        }
        BigDecimal reserve = r.side() == Side.BUY ? checkBuyingPower(order) : checkSellable(order);
        SimOrder sim = new SimOrder(nextOrderNumber++, order, reserve, false);
        put(sim);
        brokerIdByClientId.put(r.clientOrderId(), id);
        QuoteSlot q = quotes.get(r.symbol());
        if (open && q != null) {
            tryFill(sim, q.quote(r.symbol()), OrderMatcher.Phase.CONTINUOUS, true);
        }
        SimOrder placed = orders.get(id);
        if (placed.order().isOpen() && (r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK)) {
            end(placed, OrderStatus.CANCELED, "not filled at once (" + r.timeInForce() + ")");
        }
        return orders.get(id).order();
    }

    /**
     * A spread or condor as one unit: every leg fills at once at the quotes now (a sell at the bid, a buy at
     * the ask) or none does. Refused as a whole when the market is closed, a leg has no quote, a leg would
     * flip a position, a net limit is not reached at once (combos do not rest here), or the cash after the
     * net premium cannot hold the cover the legs leave ({@link OptionCover}: a spread holds its width).
     */
    @Override
    public synchronized List<BrokerOrder> submitMultiLeg(MultiLegOrderRequest r) {
        String parent = r.clientOrderId();
        for (String cid : multiLegIds(r)) {
            if (brokerIdByClientId.containsKey(cid)) {
                throw new DuplicateClientOrderIdException(cid, "client order id " + cid + " was used before (order "
                        + brokerIdByClientId.get(cid) + "); look that order up instead of sending it again");
            }
        }
        if (!open) {
            throw new OrderRejectedException("order " + parent + ": multi-leg option orders are DAY orders filled while the"
                    + " market is open; send it after the open");
        }
        List<OrderRequest> legs = new ArrayList<>(r.legs());
        // Sells first: their premium is in the cash before the buys are paid.
        legs.sort(Comparator.comparingInt(l -> l.side() == Side.SELL ? 0 : 1));
        List<BigDecimal> prices = new ArrayList<>();
        List<OptionCover.Leg> change = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal netPerShare = BigDecimal.ZERO;
        for (OrderRequest leg : legs) {
            if (optionChains != null) {
                priceOption(leg.symbol());
            }
            QuoteSlot q = quotes.get(leg.symbol());
            if (q == null) {
                throw new OrderRejectedException("order " + parent + ": no quote for the leg " + leg.symbol()
                        + "; nothing was sent");
            }
            BigDecimal held = heldQuantity(leg.symbol());
            if (leg.side() == Side.BUY && held.signum() < 0 && leg.quantity().compareTo(held.negate()) > 0
                    || leg.side() == Side.SELL && held.signum() > 0 && leg.quantity().compareTo(held) > 0) {
                throw new OrderRejectedException("order " + parent + ": the leg " + leg.side() + " " + plain(leg.quantity()) + " "
                        + leg.symbol() + " would flip the position of " + plain(held) + "; close it first");
            }
            BigDecimal price = OrderMatcher.marketPrice(leg.side(), q.quote(leg.symbol()));
            prices.add(price);
            OptionContract c = OptionSymbols.contract(leg.symbol()).orElseThrow();
            BigDecimal signed = leg.side() == Side.BUY ? leg.quantity() : leg.quantity().negate();
            change.add(new OptionCover.Leg(c, signed));
            BigDecimal value = money(leg.quantity().multiply(price).multiply(BigDecimal.valueOf(c.multiplier())));
            net = leg.side() == Side.SELL ? net.add(value) : net.subtract(value);
            netPerShare = netPerShare.add(leg.side() == Side.BUY ? price : price.negate());
            fees = fees.add(commission.commission(leg.quantity()));
        }
        if (r.limitPrice() != null && netPerShare.compareTo(r.limitPrice()) > 0) {
            throw new OrderRejectedException("order " + parent + ": the net price now is " + plain(netPerShare) + " a share"
                    + " (positive = debit), worse than the limit " + plain(r.limitPrice()) + "; multi-leg limits that do not"
                    + " fill at once are not kept by the simulated broker");
        }
        OptionCover after = cover(change);
        BigDecimal freeAfter = buyingPower().add(putCollateral()).add(net).subtract(fees).subtract(money(after.cash()));
        if (freeAfter.signum() < 0) {
            throw new OrderRejectedException("order " + parent + ": the legs leave " + dollars(money(after.cash())) + " of cover to hold"
                    + " (a spread holds its width × 100), the cash after the net premium of " + dollars(net) + " falls "
                    + dollars(freeAfter.negate()) + " short; trade fewer contracts");
        }
        String underlying = r.underlying();
        BigDecimal sharesFree = sharesHeld(underlying).subtract(sharesPromised(underlying));
        if (after.callShares(underlying).compareTo(sharesFree) > 0) {
            throw new OrderRejectedException("order " + parent + ": the legs leave short calls on " + plain(after.callShares(underlying))
                    + " " + underlying + " shares without a long call or the shares to cover them; naked calls are not allowed");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            OrderRequest leg = legs.get(i);
            String id = name + "-" + nextOrderNumber;
            BrokerOrder order = new BrokerOrder(id, leg.clientOrderId(), leg.symbol(), leg.side(), leg.quantity(), BigDecimal.ZERO,
                    null, OrderType.MARKET, TimeInForce.DAY, null, null, OrderStatus.ACCEPTED, now, now, null);
            SimOrder sim = new SimOrder(nextOrderNumber++, order, leg.side() == Side.BUY ? prices.get(i) : BigDecimal.ZERO, false);
            put(sim);
            brokerIdByClientId.put(leg.clientOrderId(), id);
            ids.add(id);
        }
        brokerIdByClientId.put(parent, ids.get(0));
        for (int i = 0; i < legs.size(); i++) {
            fill(orders.get(ids.get(i)), prices.get(i));
        }
        List<BrokerOrder> out = new ArrayList<>();
        // In the caller's leg order.
        for (OrderRequest leg : r.legs()) {
            out.add(orders.get(brokerIdByClientId.get(leg.clientOrderId())).order());
        }
        return out;
    }

    private static List<String> multiLegIds(MultiLegOrderRequest r) {
        List<String> ids = new ArrayList<>();
        ids.add(r.clientOrderId());
        r.legs().forEach(l -> ids.add(l.clientOrderId()));
        return ids;
    }

    private BigDecimal checkBuyingPower(BrokerOrder order) {
        QuoteSlot q = quotes.get(order.symbol());
        if (q == null && order.limitPrice() == null) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": there is no quote for " + order.symbol()
                    + " to price the buy; wait for prices or send a limit order");
        }
        BigDecimal reserve = q == null ? order.limitPrice() : OrderMatcher.reservePrice(order, q.quote(order.symbol()));
        BigDecimal multiplier = BigDecimal.valueOf(OptionSymbols.multiplier(order.symbol()));
        BigDecimal needed = money(order.quantity().multiply(reserve).multiply(multiplier)).add(commission.commission(order.quantity()));
        BigDecimal available = buyingPower();
        OptionContract c = OptionSymbols.contract(order.symbol()).orElse(null);
        if (c != null) {
            BigDecimal held = heldQuantity(order.symbol());
            if (held.signum() < 0 && order.quantity().compareTo(held.negate()) > 0) {
                throw new OrderRejectedException("order " + order.clientOrderId() + ": buys " + plain(order.quantity()) + " "
                        + order.symbol() + " but only " + plain(held.negate()) + " are short; close the short first, then open a long");
            }
            // Buying back a short put (or a long that pairs with a short) frees the cash it held.
            BigDecimal freed = cover(List.of()).cash().subtract(cover(List.of(new OptionCover.Leg(c, order.quantity()))).cash());
            if (freed.signum() > 0) {
                available = available.add(money(freed));
            }
        }
        if (needed.compareTo(available) > 0) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": insufficient buying power (the buy of "
                    + order.quantity().stripTrailingZeros().toPlainString() + " " + order.symbol() + " needs " + dollars(needed)
                    + ", " + dollars(available) + " is available); buy fewer shares");
        }
        return reserve;
    }

    private BigDecimal checkSellable(BrokerOrder order) {
        BigDecimal held = heldQuantity(order.symbol());
        BigDecimal promised = promisedSells(order.symbol());
        OptionContract c = OptionSymbols.contract(order.symbol()).orElse(null);
        if (c != null && held.signum() <= 0) {
            checkCovered(order, c, held);
            return BigDecimal.ZERO;
        }
        BigDecimal covering = c == null ? sharesCoveringCalls(order.symbol()) : BigDecimal.ZERO;
        BigDecimal available = held.subtract(promised).subtract(covering);
        if (order.quantity().compareTo(available) > 0) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": insufficient quantity of " + order.symbol()
                    + " (holding " + plain(held) + ", " + plain(promised) + " already in open sell orders"
                    + (covering.signum() > 0 ? ", " + plain(covering) + " covering short calls" : "")
                    + "); this cash account cannot sell short");
        }
        return BigDecimal.ZERO;
    }

    /**
     * A sell that opens (or adds to) a short option: a put must be cash-secured (strike × multiplier per
     * contract out of the buying power), a call covered by free shares of the underlying.
     */
    private void checkCovered(BrokerOrder order, OptionContract c, BigDecimal held) {
        BigDecimal multiplier = BigDecimal.valueOf(c.multiplier());
        OptionCover before = cover(List.of());
        OptionCover after = cover(List.of(new OptionCover.Leg(c, order.quantity().negate())));
        if (c.isPut()) {
            BigDecimal needed = money(after.cash().subtract(before.cash()));
            BigDecimal available = buyingPower();
            if (needed.compareTo(available) > 0) {
                throw new OrderRejectedException("order " + order.clientOrderId() + ": a cash-secured put needs " + dollars(needed)
                        + " of cash (strike × " + c.multiplier() + " × " + plain(order.quantity()) + "), " + dollars(available)
                        + " is free; sell fewer contracts");
            }
            return;
        }
        BigDecimal needed = after.callShares(c.underlying()).subtract(before.callShares(c.underlying()));
        BigDecimal cashNeeded = money(after.cash().subtract(before.cash()));
        if (cashNeeded.compareTo(buyingPower()) > 0) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": the call spread needs " + dollars(cashNeeded)
                    + " of cash (its width × " + c.multiplier() + "), " + dollars(buyingPower()) + " is free; sell fewer contracts");
        }
        BigDecimal free = sharesHeld(c.underlying()).subtract(sharesPromised(c.underlying()))
                .subtract(sharesCoveringCalls(c.underlying()));
        if (needed.compareTo(free) > 0) {
            throw new OrderRejectedException("order " + order.clientOrderId() + ": a covered call needs " + plain(needed) + " "
                    + c.underlying() + " shares not already sold or covering calls, " + plain(free.max(BigDecimal.ZERO))
                    + " are free; naked calls are not allowed");
        }
    }

    private BigDecimal heldQuantity(String symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? BigDecimal.ZERO : h.quantity;
    }

    /** Units of {@code symbol} in open sell orders. */
    private BigDecimal promisedSells(String symbol) {
        BigDecimal promised = BigDecimal.ZERO;
        for (SimOrder o : openOrders.values()) {
            BrokerOrder b = o.order();
            if (b.side() == Side.SELL && b.symbol().equals(symbol)) {
                promised = promised.add(b.quantity().subtract(b.filledQuantity()));
            }
        }
        return promised;
    }

    private BigDecimal sharesHeld(String underlying) {
        return heldQuantity(underlying).max(BigDecimal.ZERO);
    }

    private BigDecimal sharesPromised(String underlying) {
        return promisedSells(underlying);
    }

    /** Shares of {@code underlying} that unpaired short calls (held, or in open sell-to-open orders) hold as cover. */
    private BigDecimal sharesCoveringCalls(String underlying) {
        return cover(List.of()).callShares(underlying);
    }

    /**
     * Cash short options hold (held, or in open sell-to-open orders): strike × multiplier per unpaired short
     * put, the width × multiplier per short paired with a long (a spread; see {@link OptionCover}).
     */
    private BigDecimal putCollateral() {
        return money(cover(List.of()).cash());
    }

    /** The cover of the options held, the open sell-to-open orders and {@code extra} legs (a trade being checked). */
    private OptionCover cover(List<OptionCover.Leg> extra) {
        List<OptionCover.Leg> legs = new ArrayList<>(extra);
        for (Holding h : holdings.values()) {
            if (h.contract != null) {
                legs.add(new OptionCover.Leg(h.contract, h.quantity));
            }
        }
        for (SimOrder o : openOrders.values()) {
            BrokerOrder b = o.order();
            OptionContract c = OptionSymbols.contract(b.symbol()).orElse(null);
            if (c != null && b.side() == Side.SELL && heldQuantity(b.symbol()).signum() <= 0) {
                legs.add(new OptionCover.Leg(c, b.quantity().subtract(b.filledQuantity()).negate()));
            }
        }
        return OptionCover.of(legs);
    }

    /** Cash held as collateral by short puts (what a cash-secured put reserves), exact. */
    public synchronized BigDecimal collateral() {
        return putCollateral();
    }

    /** The client order id of the order {@code brokerOrderId}, empty for an order this broker made itself (an expiry). */
    public synchronized Optional<String> clientOrderIdOf(String brokerOrderId) {
        SimOrder o = orders.get(brokerOrderId);
        return o == null ? Optional.empty() : Optional.ofNullable(o.order().clientOrderId());
    }

    @Override
    public synchronized Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        String id = brokerIdByClientId.get(clientOrderId);
        return id == null ? Optional.empty() : Optional.of(orders.get(id).order());
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
        for (SimOrder o : List.copyOf(openOrders.values())) {
            out.add(end(o, OrderStatus.CANCELED, null).order());
        }
        return out;
    }

    /**
     * Cancels every open order, then closes options before shares (a share sold first could leave a call
     * uncovered): each spread pair found by {@link OptionCover} as one multi-leg order while the market is
     * open, then the shorts left (bought back) before the longs (sold), then the shares.
     */
    @Override
    public synchronized List<CloseOutcome> closeAllPositions() {
        cancelAll();
        List<CloseOutcome> out = new ArrayList<>();
        List<OptionCover.Leg> options = new ArrayList<>();
        for (Holding h : holdings.values()) {
            if (h.contract != null) {
                options.add(new OptionCover.Leg(h.contract, h.quantity));
            }
        }
        if (open) {
            for (OptionCover.Pair p : OptionCover.of(options).pairs()) {
                String parent = "close-mleg-" + name + "-" + nextOrderNumber;
                OrderRequest buyShort = new OrderRequest(parent + "-1", p.shortLeg().occSymbol(), Side.BUY, p.contracts(),
                        OrderType.MARKET, TimeInForce.DAY, null, null);
                OrderRequest sellLong = new OrderRequest(parent + "-2", p.longLeg().occSymbol(), Side.SELL, p.contracts(),
                        OrderType.MARKET, TimeInForce.DAY, null, null);
                try {
                    List<BrokerOrder> legs = submitMultiLeg(new MultiLegOrderRequest(parent, List.of(buyShort, sellLong),
                            OrderType.MARKET, TimeInForce.DAY, null));
                    for (BrokerOrder o : legs) {
                        BigDecimal signed = o.side() == Side.BUY ? o.quantity().negate() : o.quantity();
                        out.add(new CloseOutcome(o.symbol(), signed, true, o.brokerOrderId(), describe(o) + " (spread, one"
                                + " multi-leg order " + parent + ")"));
                    }
                } catch (BrokerException e) {
                    out.add(new CloseOutcome(p.shortLeg().occSymbol(), p.contracts().negate(), false, null, e.getMessage()));
                    out.add(new CloseOutcome(p.longLeg().occSymbol(), p.contracts(), false, null, e.getMessage()));
                }
            }
        }
        List<Holding> rest = new ArrayList<>(holdings.values());
        // Short options first (bought back), then long options, then shares.
        rest.sort(Comparator.comparingInt(h -> h.contract == null ? 2 : h.quantity.signum() < 0 ? 0 : 1));
        for (Holding h : rest) {
            try {
                BrokerOrder o = sendClose(h);
                out.add(new CloseOutcome(h.symbol, h.quantity, true, o.brokerOrderId(), describe(o)));
            } catch (BrokerException e) {
                out.add(new CloseOutcome(h.symbol, h.quantity, false, null, e.getMessage()));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<BrokerOrder> closePosition(String symbol) {
        for (SimOrder o : List.copyOf(openOrders.values())) {
            if (o.order().symbol().equals(symbol)) {
                end(o, OrderStatus.CANCELED, null);
            }
        }
        Holding h = holdings.get(symbol);
        return h == null ? Optional.empty() : Optional.of(sendClose(h));
    }

    private BrokerOrder sendClose(Holding h) {
        String clientId = "close-" + h.symbol + "-" + name + "-" + nextOrderNumber;
        // Closed: an OPG order where Alpaca takes one, else a market order queued for the next open (as
        // Alpaca's close-position does after hours).
        // Options take no auction orders: a market DAY order, queued for the open when the market is closed.
        boolean queue = open || h.contract != null || AuctionWindows.opgRefusal(now, sessions) != null;
        Side side = h.quantity.signum() < 0 ? Side.BUY : Side.SELL;
        BigDecimal qty = h.quantity.abs();
        OrderRequest r = queue
                ? new OrderRequest(clientId, h.symbol, side, qty, OrderType.MARKET, TimeInForce.DAY, null, null)
                : new OrderRequest(clientId, h.symbol, side, qty, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null, null);
        return submit(r);
    }

    private static String describe(BrokerOrder o) {
        return switch (o.status()) {
            case FILLED -> (o.side() == Side.BUY ? "bought " : "sold ") + plain(o.filledQuantity()) + " at " + dollars(o.filledAveragePrice());
            case REJECTED, CANCELED, EXPIRED -> o.status().name().toLowerCase() + (o.rejectReason() == null ? "" : ": " + o.rejectReason());
            default -> "closing " + o.type() + " order waits for " + (o.type() == OrderType.MARKET_ON_OPEN ? "the open" : "a quote");
        };
    }

    @Override
    public synchronized MarketClock clock() {
        return calendar.clock(now, open);
    }

    @Override
    public org.leverdesk.broker.Fees fees() {
        return new org.leverdesk.broker.Fees(commission.perOrder().doubleValue(), commission.perShare().doubleValue());
    }

    @Override
    public synchronized boolean marketOpen() {
        return open;
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        return calendar.days(from, to);
    }

    @Override
    public synchronized Quote latestQuote(String symbol) {
        if (optionChains != null && OptionSymbols.isOption(symbol)) {
            priceOption(symbol);
        }
        QuoteSlot q = quotes.get(symbol);
        if (q == null) {
            throw new BrokerException("the " + name + " broker has no quote for " + symbol + " yet; load prices for it first");
        }
        return q.quote(symbol);
    }

    // ---- matching and book-keeping ----

    /** Offers every open order (of {@code symbol}, or all when null) its quote in {@code phase}, oldest first. */
    private void match(OrderMatcher.Phase phase, String symbol) {
        if (openOrders.isEmpty()) {
            return;
        }
        boolean any = false;
        for (SimOrder o : openOrders.values()) {
            if (symbol == null || o.order().symbol().equals(symbol)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        for (SimOrder o : List.copyOf(openOrders.values())) {
            if (symbol != null && !o.order().symbol().equals(symbol)) {
                continue;
            }
            SimOrder current = openOrders.get(o.order().brokerOrderId());
            QuoteSlot q = current == null ? null : quotes.get(current.order().symbol());
            if (q != null) {
                tryFill(current, q.quote(current.order().symbol()), phase, false);
            }
        }
    }

    private void tryFill(SimOrder o, Quote q, OrderMatcher.Phase phase, boolean arriving) {
        boolean triggered = OrderMatcher.triggered(o.order(), o.stopTriggered(), q);
        if (triggered && !o.stopTriggered()) {
            o = o.triggered();
            put(o);
        }
        Optional<BigDecimal> price = OrderMatcher.fillPrice(o.order(), triggered, q, phase, arriving);
        if (price.isPresent()) {
            fill(o, price.get());
        }
    }

    private void fill(SimOrder o, BigDecimal price) {
        BrokerOrder b = o.order();
        BigDecimal qty = b.quantity().subtract(b.filledQuantity());
        BigDecimal value = money(qty.multiply(price).multiply(BigDecimal.valueOf(OptionSymbols.multiplier(b.symbol()))));
        BigDecimal fee = commission.commission(qty);
        BigDecimal newCash = b.side() == Side.BUY ? cash.subtract(value).subtract(fee) : cash.add(value).subtract(fee);
        if (newCash.signum() < 0) {
            // The price moved since the order was accepted; a cash account cannot borrow the difference.
            end(o, OrderStatus.REJECTED, "not enough cash at the fill: " + dollars(value.add(fee)) + " needed, " + dollars(cash) + " held");
            return;
        }
        setCash(newCash);
        book(b.symbol(), b.side(), qty, price);
        SimFill f = new SimFill(b.brokerOrderId() + "-1", b.brokerOrderId(), b.symbol(), b.side(), qty, price, fee, now);
        if (trackChanges) {
            newFills.add(f);
        }
        put(o.with(new BrokerOrder(b.brokerOrderId(), b.clientOrderId(), b.symbol(), b.side(), b.quantity(), b.quantity(),
                price, b.type(), b.timeInForce(), b.limitPrice(), b.stopPrice(), OrderStatus.FILLED, b.submittedAt(), now, null)));
        for (Consumer<SimFill> l : fillListeners) {
            l.accept(f);
        }
    }

    /**
     * Moves a position by {@code qty} at {@code price}: an increase (long or short) averages the price in,
     * a decrease keeps the average cost; flat removes it.
     */
    private void book(String symbol, Side side, BigDecimal qty, BigDecimal price) {
        Holding h = holdings.get(symbol);
        BigDecimal oldQty = h == null ? BigDecimal.ZERO : h.quantity;
        BigDecimal signed = side == Side.BUY ? qty : qty.negate();
        BigDecimal newQty = oldQty.add(signed);
        if (newQty.signum() == 0) {
            holdings.remove(symbol);
        } else if (oldQty.signum() == 0 || oldQty.signum() == signed.signum()) {
            BigDecimal cost = h == null ? BigDecimal.ZERO : oldQty.abs().multiply(h.averageCost);
            BigDecimal avg = cost.add(qty.multiply(price)).divide(newQty.abs(), 6, RoundingMode.HALF_EVEN);
            holdings.put(symbol, new Holding(symbol, newQty, avg));
        } else {
            holdings.put(symbol, new Holding(symbol, newQty, h.averageCost));
        }
        if (trackChanges) {
            changedSymbols.add(symbol);
        }
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
        String id = o.order().brokerOrderId();
        orders.put(id, o);
        if (o.order().isOpen()) {
            openOrders.put(id, o);
        } else {
            openOrders.remove(id);
        }
        if (trackChanges) {
            changedOrders.add(id);
        }
    }

    private void setCash(BigDecimal value) {
        cash = value;
        cashValue = value.doubleValue();
    }

    private BrokerPosition position(Holding h) {
        BigDecimal last = lastPrice(h);
        BigDecimal m = BigDecimal.valueOf(h.multiplier);
        BigDecimal value = money(h.quantity.multiply(last).multiply(m));
        return new BrokerPosition(h.symbol, h.quantity, h.averageCost, value, last,
                value.subtract(money(h.quantity.multiply(h.averageCost).multiply(m))));
    }

    /** Positions are valued at the last price; without any quote (never in practice) at their cost. */
    private BigDecimal lastPrice(Holding h) {
        QuoteSlot q = quotes.get(h.symbol);
        return q == null ? h.averageCost : OrderMatcher.price(q.last);
    }

    private double lastPriceValue(Holding h) {
        QuoteSlot q = quotes.get(h.symbol);
        return q == null ? h.averageCost.doubleValue() : q.last;
    }

    private BigDecimal equity() {
        BigDecimal e = cash;
        for (Holding h : holdings.values()) {
            e = e.add(money(h.quantity.multiply(lastPrice(h)).multiply(BigDecimal.valueOf(h.multiplier))));
        }
        return e;
    }

    /** Cash less what open buys hold back (their unfilled shares at their reserve price). */
    private BigDecimal buyingPower() {
        BigDecimal held = BigDecimal.ZERO;
        for (SimOrder o : openOrders.values()) {
            BrokerOrder b = o.order();
            if (b.side() == Side.BUY) {
                BigDecimal left = b.quantity().subtract(b.filledQuantity());
                held = held.add(money(left.multiply(o.reservePrice()).multiply(
                        BigDecimal.valueOf(OptionSymbols.multiplier(b.symbol()))))).add(commission.commission(left));
            }
        }
        return cash.subtract(held).subtract(putCollateral()).max(ZERO_MONEY);
    }

    private List<SimHolding> holdingList() {
        List<SimHolding> out = new ArrayList<>(holdings.size());
        holdings.values().forEach(h -> out.add(h.record()));
        return out;
    }

    private List<Quote> quoteList() {
        List<Quote> out = new ArrayList<>(quotes.size());
        quotes.forEach((s, q) -> out.add(q.quote(s)));
        return out;
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** An amount or price in a reason a person reads, as the window and the CLI show money: "$48,000.00". */
    private static String dollars(BigDecimal v) {
        return String.format(java.util.Locale.ROOT, v.signum() < 0 ? "-$%,.2f" : "$%,.2f", v.abs());
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    // Read by LedgerView without allocation.
    synchronized long wholeShares(String symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? 0 : h.wholeShares;
    }

    synchronized double positionValue(Set<String> symbols) {
        double v = 0;
        for (Holding h : holdings.values()) {
            if (OptionSymbols.belongsTo(symbols, h.symbol)) {
                v += h.quantityValue * h.multiplier * lastPriceValue(h);
            }
        }
        return v;
    }

    synchronized Map<String, org.leverdesk.domain.Position> positionsIn(Set<String> symbols) {
        Map<String, org.leverdesk.domain.Position> out = new LinkedHashMap<>();
        for (Holding h : holdings.values()) {
            if (OptionSymbols.belongsTo(symbols, h.symbol) && h.wholeShares != 0) {
                out.put(h.symbol, new org.leverdesk.domain.Position(h.symbol, h.wholeShares, h.averageCost.doubleValue()));
            }
        }
        return out;
    }

    /** A position with double mirrors of its quantity for valuation without BigDecimal arithmetic. */
    private static final class Holding {
        final String symbol;
        final BigDecimal quantity;
        final BigDecimal averageCost;
        final double quantityValue;
        final long wholeShares;
        // The option contract, null for shares; shares per unit (100 for a standard option, 1 for a share).
        final OptionContract contract;
        final int multiplier;

        Holding(String symbol, BigDecimal quantity, BigDecimal averageCost) {
            this.symbol = symbol;
            this.quantity = quantity;
            this.averageCost = averageCost;
            this.quantityValue = quantity.doubleValue();
            this.wholeShares = quantity.longValue();
            this.contract = OptionSymbols.contract(symbol).orElse(null);
            this.multiplier = contract == null ? 1 : contract.multiplier();
        }

        SimHolding record() {
            return new SimHolding(symbol, quantity, averageCost);
        }
    }

    /** The latest quote of a symbol, updated in place so a new price allocates nothing. */
    private static final class QuoteSlot {
        double bid;
        double ask;
        double last;
        Instant at;

        QuoteSlot(double bid, double ask, double last, Instant at) {
            set(bid, ask, last, at);
        }

        void set(double bid, double ask, double last, Instant at) {
            this.bid = bid;
            this.ask = ask;
            this.last = last;
            this.at = at;
        }

        Quote quote(String symbol) {
            return new Quote(symbol, bid, ask, last, at);
        }
    }
}
