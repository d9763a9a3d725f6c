package org.leverdesk.broker.paper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.CloseOutcome;
import org.leverdesk.broker.MarketClock;
import org.leverdesk.broker.MarketDay;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.sim.CalendarClock;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.broker.sim.SimChanges;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.broker.sim.SimState;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded paper broker: a {@link SimBroker} (the same fill rules as backtests) that runs on the
 * real NYSE calendar and clock, prices from the latest daily bars of a {@link MarketData} (or quotes
 * pushed with {@link #onQuote}), and keeps its whole state in the store's {@code paper_*} tables, so
 * cash, positions, orders and used client order ids survive a restart.
 *
 * <p>Every call first catches up with the clock: each session open and close that passed since the
 * last call is replayed in order (opening-auction orders fill at the open, day orders expire at the
 * close), then resting orders meet the latest prices. Each change is written in one transaction
 * before the call returns; when that write fails the broker reloads what was saved and reports the
 * outcome as unknown.
 */
public final class PaperBroker implements Broker {
    private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
    private static final String NAME = "paper";
    /** The name of the account that trades the simulated demo market (its own tables, never mixed with "paper"). */
    public static final String DEMO_NAME = "paper-demo";
    // The database keeps quantities and prices to six decimals.
    private static final int MAX_SCALE = 6;

    private final PaperStore store;
    private final Clock clock;
    private final TradingCalendar calendar;
    private final CalendarClock sessions;
    private final PaperSettings settings;
    private final MarketDataQuotes prices;
    private final String name;
    private BigDecimal startingCapital;
    private SimBroker sim;
    // True after a failed write whose reload failed too: memory may be ahead of the store until reloaded.
    private boolean stale;
    // The account row as last written, so reads that change nothing do not write.
    private SimState savedHead;
    private BigDecimal savedCapital;

    /** The paper broker with the default settings ($100,000, 0.01% half-spread, no commission) on the NYSE calendar. */
    public PaperBroker(Store store, MarketData prices, Clock clock) {
        this(store, prices, clock, new NyseCalendar(), PaperSettings.DEFAULT);
    }

    /**
     * Opens (or creates) the paper account in {@code store}. {@code prices} may be null when quotes
     * are pushed with {@link #onQuote}; {@code settings} apply to a new or reset account.
     */
    public PaperBroker(Store store, MarketData prices, Clock clock, TradingCalendar calendar, PaperSettings settings) {
        this(store, prices, clock, calendar, settings, false, false);
    }

    /**
     * A fresh paper account in {@code store} for replaying a past day ({@code run --as-of}): the replayed
     * day's own bar is its price during that session, as a backtest decides and fills on it (see
     * {@link MarketDataQuotes}); a live paper account never sees a bar before its session closed.
     */
    public static PaperBroker replaying(Store store, MarketData prices, Clock clock) {
        return new PaperBroker(store, prices, clock, new NyseCalendar(), PaperSettings.DEFAULT, true, false);
    }

    /**
     * The paper account that trades the simulated demo market ({@link #DEMO_NAME}): its own cash, positions
     * and orders in the store's {@code demo_paper_*} tables, so a paper account on real prices never
     * inherits simulated fills.
     */
    public static PaperBroker onDemoMarket(Store store, MarketData demoPrices, Clock clock) {
        return new PaperBroker(store, demoPrices, clock, new NyseCalendar(), PaperSettings.DEFAULT, false, true);
    }

    private PaperBroker(Store store, MarketData prices, Clock clock, TradingCalendar calendar, PaperSettings settings,
                        boolean sessionBarKnown, boolean demo) {
        this.name = demo ? DEMO_NAME : NAME;
        this.store = new PaperStore(store, demo ? PaperStore.DEMO : "");
        this.clock = clock;
        this.calendar = calendar;
        this.sessions = new CalendarClock(calendar);
        this.settings = settings;
        this.prices = prices == null ? null : new MarketDataQuotes(prices, calendar, settings.halfSpread(), sessionBarKnown);
        load();
        refresh();
    }

    private void load() {
        Optional<PaperStore.Saved> saved;
        try {
            saved = store.load();
        } catch (StoreException e) {
            throw new BrokerUnavailableException("the paper broker could not read its account from the store ("
                    + e.getMessage() + ")", e);
        }
        if (saved.isPresent()) {
            startingCapital = saved.get().startingCapital();
            sim = new SimBroker(name, settings.commission(), calendar, saved.get().state());
        } else {
            Instant now = clock.instant();
            startingCapital = settings.startingCapital();
            sim = new SimBroker(name, startingCapital, settings.commission(), calendar, now, sessions.isOpen(now));
            LOG.info("new paper account with ${}", startingCapital);
        }
    }

    // ---- paper-only operations ----

    /** Catches up with the clock and the latest prices: passed opens and closes, then resting orders that became marketable. */
    public synchronized void refresh() {
        if (stale) {
            load();
            stale = false;
        }
        Instant now = clock.instant();
        Instant last = sim.now();
        if (now.isAfter(last)) {
            for (TradingCalendar.Session s : sessions.sessionsWithBoundaryIn(last, now)) {
                Instant open = s.open().toInstant();
                Instant close = s.close().toInstant();
                if (open.isAfter(last) && !open.isAfter(now)) {
                    sim.setTime(open);
                    loadPrices(open);
                    sim.openSession();
                }
                if (close.isAfter(last) && !close.isAfter(now)) {
                    sim.setTime(close);
                    loadPrices(close);
                    sim.closeMarket();
                }
            }
            sim.setTime(now);
        }
        loadPrices(now);
        save();
    }

    /** Takes a quote from a live feed (or a test); resting orders it makes marketable fill while the market is open. */
    public synchronized void onQuote(Quote quote) {
        refresh();
        sim.setQuote(quote);
        save();
    }

    /** Starts the account over with the configured starting capital (open orders cancelled, positions dropped). */
    public synchronized void reset() {
        reset(settings.startingCapital());
    }

    /** Starts the account over with {@code capital}; past orders stay, so their client order ids remain used. */
    public synchronized void reset(BigDecimal capital) {
        if (capital == null || capital.signum() <= 0) {
            throw new IllegalArgumentException("the paper account needs a positive starting capital (got " + capital + ")");
        }
        refresh();
        startingCapital = capital;
        sim.reset(capital);
        save();
        LOG.info("paper account reset to ${}", capital);
    }

    /** Every fill of the account, oldest first. */
    public synchronized List<SimFill> fills() {
        return store.fills();
    }

    /** The capital the account started (or was last reset) with. */
    public synchronized BigDecimal startingCapital() {
        return startingCapital;
    }

    /** Offers the latest bar of every symbol that matters (a position or an open order) as a quote. */
    private void loadPrices(Instant at) {
        if (prices == null) {
            return;
        }
        for (String symbol : sim.activeSymbols()) {
            loadPrice(symbol, at);
        }
    }

    private void loadPrice(String symbol, Instant at) {
        if (prices == null) {
            return;
        }
        Optional<Quote> q = prices.quoteAt(symbol, at);
        Optional<Quote> held = quoteHeld(symbol);
        // A pushed quote newer than the latest bar wins.
        if (q.isPresent() && (held.isEmpty() || q.get().at().isAfter(held.get().at()))) {
            try {
                sim.setQuote(q.get());
            } catch (IllegalArgumentException e) {
                // A bad bar must not stop the account from working; the older quote stays in use.
                LOG.warn("ignoring the price of {} from the market data: {}", symbol, e.getMessage());
            }
        }
    }

    private Optional<Quote> quoteHeld(String symbol) {
        try {
            return Optional.of(sim.latestQuote(symbol));
        } catch (BrokerException e) {
            return Optional.empty();
        }
    }

    /** Writes what changed; on failure reloads the saved state, so memory never runs ahead of the store. */
    private void save() {
        SimState head = sim.summary();
        SimChanges changes = sim.drainChanges();
        if (changes.isEmpty() && head.equals(savedHead) && startingCapital.equals(savedCapital)) {
            return;
        }
        try {
            store.save(startingCapital, head, changes);
            savedHead = head;
            savedCapital = startingCapital;
        } catch (StoreException e) {
            LOG.warn("the paper broker could not save its state; reloading what was saved: {}", e.getMessage());
            stale = true;
            savedHead = null;
            try {
                load();
                stale = false;
            } catch (BrokerUnavailableException reload) {
                e.addSuppressed(reload);
            }
            throw new BrokerUnavailableException("the paper broker could not save its state (" + e.getMessage()
                    + "); look the order up by its client order id before sending it again", e);
        }
    }

    private <T> T change(Supplier<T> work) {
        refresh();
        T result = work.get();
        save();
        return result;
    }

    // ---- the Broker port ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Account account() {
        refresh();
        return sim.account();
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        refresh();
        return sim.positions();
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        refresh();
        return sim.openOrders();
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest request) {
        checkScale(request, "quantity", request.quantity());
        checkScale(request, "limit price", request.limitPrice());
        checkScale(request, "stop price", request.stopPrice());
        if (request.symbol().length() > 32) {
            throw new OrderRejectedException("order " + request.clientOrderId() + ": symbol " + request.symbol() + " is longer than 32 characters");
        }
        refresh();
        loadPrice(request.symbol(), sim.now());
        BrokerOrder o = sim.submit(request);
        save();
        return o;
    }

    private static void checkScale(OrderRequest r, String what, BigDecimal v) {
        if (v != null && v.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new OrderRejectedException("order " + r.clientOrderId() + ": the " + what + " " + v.toPlainString()
                    + " has more than " + MAX_SCALE + " decimals; round it");
        }
    }

    @Override
    public synchronized Optional<BrokerOrder> orderByClientOrderId(String clientOrderId) {
        refresh();
        return sim.orderByClientOrderId(clientOrderId);
    }

    @Override
    public synchronized void cancel(String brokerOrderId) {
        change(() -> {
            sim.cancel(brokerOrderId);
            return null;
        });
    }

    @Override
    public synchronized List<BrokerOrder> cancelAll() {
        return change(sim::cancelAll);
    }

    @Override
    public synchronized List<CloseOutcome> closeAllPositions() {
        return change(sim::closeAllPositions);
    }

    @Override
    public synchronized Optional<BrokerOrder> closePosition(String symbol) {
        return change(() -> sim.closePosition(symbol));
    }

    @Override
    public synchronized MarketClock clock() {
        refresh();
        return sessions.clock(sim.now(), sim.isMarketOpen());
    }

    @Override
    public List<MarketDay> calendar(LocalDate from, LocalDate to) {
        return sessions.days(from, to);
    }

    /** Daily prices give end-of-day quotes; see {@link Broker#quotesFromDailyCloses()}. */
    @Override
    public boolean quotesFromDailyCloses() {
        return true;
    }

    @Override
    public synchronized Quote latestQuote(String symbol) {
        refresh();
        loadPrice(symbol, sim.now());
        save();
        return sim.latestQuote(symbol);
    }
}
