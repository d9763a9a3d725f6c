package org.leverdesk.broker.paper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.broker.sim.BarDay;
import org.leverdesk.broker.sim.CalendarClock;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.broker.sim.SimChanges;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.broker.sim.SimState;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;
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
    private final MarketData prices;
    private final MarketDataQuotes quotes;
    // Dividends already paid ("SYMBOL@ex-date"), so a restart in the middle of an ex-date never pays twice.
    private final java.util.Set<String> paidDividends = new java.util.HashSet<>();
    private final String name;
    // The shares held at the last session open, and its day: only they carry that ex-date's dividends.
    private final java.util.Map<String, BigDecimal> heldAtOpen = new java.util.HashMap<>();
    private LocalDate heldAtOpenDay;
    private BigDecimal startingCapital;
    private SimBroker sim;
    // True after a failed write whose reload failed too: memory may be ahead of the store until reloaded.
    private boolean stale;
    // The account row as last written, so reads that change nothing do not write.
    private SimState savedHead;
    private BigDecimal savedCapital;
    // Options (decision record 0011, README "Options on the paper account"): the chains held options are quoted
    // from, the events settled since the last save, and who hears of them once they are saved.
    private SyntheticChains optionChains;
    private final List<SimOptionEvent> unsavedEvents = new ArrayList<>();
    private final List<Consumer<SimOptionEvent>> optionListeners = new CopyOnWriteArrayList<>();
    // Splits (README "Splits on the paper account"): the known ones (null for the demo account, whose simulated
    // market has none), those applied ("SYMBOL@ex-date", from the store), those refused (logged once a process),
    // the lines saved but not yet told, who hears them, and the day and version of the last look.
    private final org.leverdesk.store.SplitRepository knownSplits;
    private final java.util.Set<String> appliedSplits = new java.util.HashSet<>();
    private final java.util.Set<String> refusedSplits = new java.util.HashSet<>();
    private final List<String[]> unsaidSplits = new ArrayList<>();
    private final List<java.util.function.BiConsumer<String, String>> splitListeners = new CopyOnWriteArrayList<>();
    private LocalDate splitsCheckedDay;
    private long splitsCheckedVersion = -1;

    /** The paper broker with the default settings ($100,000, 0.01% half-spread, no commission) on the NYSE calendar. */
    public PaperBroker(Store store, MarketData prices, Clock clock) {
        this(store, prices, clock, new NyseCalendar(), PaperSettings.DEFAULT);
    }

    /**
     * Opens (or creates) the paper account in {@code store}. {@code prices} may be null when quotes
     * are pushed with {@link #onQuote}; {@code settings} apply to a new or reset account.
     */
    public PaperBroker(Store store, MarketData prices, Clock clock, TradingCalendar calendar, PaperSettings settings) {
        this(store, prices, clock, calendar, settings, null, false);
    }

    /**
     * The paper account that trades the simulated demo market ({@link #DEMO_NAME}): its own cash, positions
     * and orders in the store's {@code demo_paper_*} tables, so a paper account on real prices never
     * inherits simulated fills.
     */
    public static PaperBroker onDemoMarket(Store store, MarketData demoPrices, Clock clock) {
        return new PaperBroker(store, demoPrices, clock, new NyseCalendar(), PaperSettings.DEFAULT, null, true);
    }

    /**
     * The paper account that also trades options: held options and option orders are quoted from
     * {@code optionChains} whenever their underlying prints (as in a backtest), and expiring positions are
     * settled at their expiry's close ({@link SimBroker#settleExpiries}). Null: no option quotes.
     */
    public PaperBroker(Store store, MarketData prices, Clock clock, TradingCalendar calendar, PaperSettings settings,
                       SyntheticChains optionChains) {
        this(store, prices, clock, calendar, settings, optionChains, false);
    }

    private PaperBroker(Store store, MarketData prices, Clock clock, TradingCalendar calendar, PaperSettings settings,
                        SyntheticChains optionChains, boolean demo) {
        this.optionChains = optionChains;
        this.name = demo ? DEMO_NAME : NAME;
        this.store = new PaperStore(store, demo ? PaperStore.DEMO : "");
        this.clock = clock;
        this.calendar = calendar;
        this.sessions = new CalendarClock(calendar);
        this.settings = settings;
        this.prices = prices;
        this.quotes = prices == null ? null : new MarketDataQuotes(prices, calendar, settings.halfSpread());
        this.knownSplits = demo ? null : new org.leverdesk.store.SplitRepository(store);
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
        paidDividends.clear();
        paidDividends.addAll(store.paidDividends());
        appliedSplits.clear();
        store.splits().forEach(x -> appliedSplits.add(x.symbol() + "@" + x.exDate()));
        unsavedEvents.clear();
        if (saved.isPresent()) {
            startingCapital = saved.get().startingCapital();
            sim = new SimBroker(name, settings.commission(), calendar, saved.get().state());
        } else {
            Instant now = clock.instant();
            startingCapital = settings.startingCapital();
            sim = new SimBroker(name, startingCapital, settings.commission(), calendar, now, sessions.isOpen(now));
            LOG.info("new paper account with ${}", startingCapital);
        }
        sim.setOptionChains(optionChains);
        sim.addOptionListener(unsavedEvents::add);
    }

    // ---- paper-only operations ----

    /**
     * Catches up with the clock and the market data, the way a backtest replays a day ({@link BarDay}): at
     * each session open that passed, the dividends going ex that day are paid, every symbol that matters
     * prints at its open (when the day's bar, final or provisional, is there; otherwise the previous close
     * stands) and the opening auction runs; during the session the day's newest bar meets the orders that
     * rested since the open and gives the latest price; at each close that passed the final bar does the
     * same, then the closing auction runs and day orders expire.
     */
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
                    openDay(s.date(), open);
                }
                if (close.isAfter(last) && !close.isAfter(now)) {
                    sessionBars(s.date(), open, close);
                    BarDay.close(sim, close);
                    // After the closing auction, as a backtest does: options expiring today are assigned, exercised or expire.
                    sim.settleExpiries(s.date());
                }
            }
            sim.setTime(now);
        }
        sessions.sessionAt(now).ifPresent(s -> {
            // A split recorded after its ex-date's open (a late announcement, or one typed in during the day).
            applySplits(s.date());
            sessionBars(s.date(), s.open().toInstant(), now);
        });
        loadPrices(now);
        save();
        tellSplits();
    }

    private void openDay(LocalDate day, Instant open) {
        sim.setTime(open);
        // Before anything of the day: the shares and orders the day's split-adjusted prices are for.
        applySplits(day);
        if (prices == null) {
            sim.openSession();
            return;
        }
        DailyBars bars = new DailyBars(prices, pricedSymbols(), day);
        heldAtOpen.clear();
        sim.positions().forEach(p -> heldAtOpen.put(p.symbol(), p.quantity()));
        heldAtOpenDay = day;
        payDividends(day, bars);
        BarDay.open(sim, open, bars.withoutDividends(), settings.halfSpread());
    }

    /** The day's newest bar meets the orders resting since the open and prints its close at {@code at}. */
    private void sessionBars(LocalDate day, Instant open, Instant at) {
        if (prices == null) {
            return;
        }
        DailyBars bars = new DailyBars(prices, pricedSymbols(), day);
        if (bars.isEmpty()) {
            return;
        }
        sim.setTime(at);
        payDividends(day, bars);
        bars.withoutDividends();
        BarDay.sweep(sim, open, bars, settings.halfSpread());
        BarDay.mark(sim, at, bars, settings.halfSpread());
    }

    /**
     * Applies each known split going ex on {@code day} that was not applied yet (the store's key keeps it once
     * across restarts; it is saved with the positions and orders it changed): the store's older bars of the symbol
     * are divided first (once), then the account's shares, costs and open orders change ({@link SimBroker#applySplit}).
     * A split the account cannot apply (options on the symbol) is logged and told once, and stays unapplied.
     */
    private void applySplits(LocalDate day) {
        if (knownSplits == null) {
            return;
        }
        long version = org.leverdesk.store.SplitRepository.version();
        if (day.equals(splitsCheckedDay) && version == splitsCheckedVersion) {
            return;
        }
        List<org.leverdesk.market.data.Split> due;
        try {
            due = knownSplits.on(day);
        } catch (StoreException e) {
            LOG.warn("the paper broker could not read the splits going ex {}: {}", day, e.getMessage());
            return;
        }
        splitsCheckedDay = day;
        splitsCheckedVersion = version;
        for (org.leverdesk.market.data.Split split : due) {
            String key = split.symbol() + "@" + split.exDate();
            if (appliedSplits.contains(key)) {
                continue;
            }
            knownSplits.adjustBars(split.symbol(), day);
            try {
                org.leverdesk.broker.sim.SimSplit done = sim.applySplit(split);
                appliedSplits.add(key);
                unsaidSplits.add(new String[] {SPLIT_KIND, "paper account: " + done.describe()});
            } catch (IllegalStateException refused) {
                if (refusedSplits.add(key)) {
                    LOG.warn("paper account: {}", refused.getMessage());
                    unsaidSplits.add(new String[] {SPLIT_REFUSED_KIND, "paper account: " + refused.getMessage()});
                }
            }
        }
    }

    /** The journal kind of an applied split, and of one the account refused. */
    public static final String SPLIT_KIND = "split";
    public static final String SPLIT_REFUSED_KIND = "split-refused";

    /** Tells the listeners of the splits saved since the last call (a failed save told nothing; the reload retries). */
    private void tellSplits() {
        if (unsaidSplits.isEmpty()) {
            return;
        }
        List<String[]> lines = List.copyOf(unsaidSplits);
        unsaidSplits.clear();
        for (String[] l : lines) {
            LOG.info("{}", l[1]);
            for (java.util.function.BiConsumer<String, String> listener : splitListeners) {
                listener.accept(l[0], l[1]);
            }
        }
    }

    /** Calls {@code listener} with (journal kind, one line) for each split applied or refused, once it is saved. */
    public void addSplitListener(java.util.function.BiConsumer<String, String> listener) {
        splitListeners.add(listener);
    }

    /** Every split the account applied, oldest first. */
    public synchronized List<org.leverdesk.broker.sim.SimSplit> splits() {
        return store.splits();
    }

    /** Every split the paper account kept in {@code store} applied, without opening the account (tax lots, reports). */
    public static List<org.leverdesk.broker.sim.SimSplit> storedSplits(Store store) {
        return new PaperStore(store).splits();
    }

    /** Pays each dividend of {@code day} in {@code bars} once (the store's key keeps it so across restarts). */
    private void payDividends(LocalDate day, DailyBars bars) {
        for (int i = 0; i < bars.size(); i++) {
            double d = bars.dividend(i);
            String key = bars.symbol(i) + "@" + day;
            if (d > 0 && !paidDividends.contains(key)) {
                // Known open holdings cap the payment (a restart mid-session falls back to what is held now).
                BigDecimal record = day.equals(heldAtOpenDay) ? heldAtOpen.getOrDefault(bars.symbol(i), BigDecimal.ZERO) : null;
                BigDecimal amount = sim.payDividend(bars.symbol(i), BarDay.perShare(d), record);
                if (amount.signum() > 0) {
                    paidDividends.add(key);
                    LOG.info("paper account: dividend of {} on {} going ex {}: ${}", BarDay.perShare(d), bars.symbol(i), day, amount);
                }
            }
        }
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

    /** Every dividend the account received, oldest first. */
    public synchronized List<org.leverdesk.broker.sim.SimDividend> dividends() {
        return store.dividends();
    }

    /**
     * Cash plus positions at their unrounded last prices, as a backtest's equity curve measures it (the
     * account's exact equity marks at $0.0001 a share and rounds each position to the cent).
     */
    public synchronized double equityValue() {
        refresh();
        return sim.equityValue();
    }

    /** Every fill of the paper account kept in {@code store}, oldest first, without opening the account (tax lots, reports). */
    public static List<SimFill> storedFills(Store store) {
        return new PaperStore(store).fills();
    }

    /** Quotes held options and option orders from {@code chains} from now on (null: no option quotes). */
    public synchronized void setOptionChains(SyntheticChains chains) {
        this.optionChains = chains;
        sim.setOptionChains(chains);
    }

    /** The chains options are quoted from, or null. */
    public synchronized SyntheticChains optionChains() {
        return optionChains;
    }

    /**
     * Calls {@code listener} with every option expiry, assignment and exercise once it is saved (the journal and
     * notifications hear of it; a failed save replays the close and reports it then).
     */
    public void addOptionListener(Consumer<SimOptionEvent> listener) {
        optionListeners.add(listener);
    }

    /** Every option event of the account (expired, assigned, exercised, cash-settled), oldest first. */
    public synchronized List<SimOptionEvent> optionEvents() {
        return store.optionEvents();
    }

    /** Every option event of the paper account kept in {@code store}, without opening the account (reports, views). */
    public static List<SimOptionEvent> storedOptionEvents(Store store) {
        return new PaperStore(store).optionEvents();
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
        if (quotes == null) {
            return;
        }
        for (String symbol : pricedSymbols()) {
            loadPrice(symbol, at);
        }
    }

    /**
     * The symbols whose bars the account reads: every share that matters (a position or an open order) and the
     * underlying of every option that does; options themselves are quoted from their chain when it prints.
     */
    private java.util.Set<String> pricedSymbols() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String symbol : sim.activeSymbols()) {
            out.add(OptionSymbols.contract(symbol).map(OptionContract::underlying).orElse(symbol));
        }
        return out;
    }

    private void loadPrice(String symbol, Instant at) {
        if (quotes == null) {
            return;
        }
        Optional<OptionContract> option = OptionSymbols.contract(symbol);
        if (option.isPresent()) {
            // An option's quote comes from its chain at its underlying's price (SimBroker prices it when asked).
            loadPrice(option.get().underlying(), at);
            return;
        }
        Optional<Quote> q = quotes.quoteAt(symbol, at);
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
        List<SimOptionEvent> events = List.copyOf(unsavedEvents);
        if (changes.isEmpty() && events.isEmpty() && head.equals(savedHead) && startingCapital.equals(savedCapital)) {
            return;
        }
        try {
            store.save(startingCapital, head, changes, events);
            savedHead = head;
            savedCapital = startingCapital;
            unsavedEvents.clear();
            for (SimOptionEvent e : events) {
                LOG.info("paper account: {}", e.describe());
                for (Consumer<SimOptionEvent> l : optionListeners) {
                    l.accept(e);
                }
            }
        } catch (StoreException e) {
            LOG.warn("the paper broker could not save its state; reloading what was saved: {}", e.getMessage());
            stale = true;
            unsaidSplits.clear();
            splitsCheckedDay = null;
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

    /** The simulated broker's own ledger view, as in a backtest (see {@link Broker#portfolioView}). */
    @Override
    public synchronized org.leverdesk.domain.PortfolioView portfolioView(java.util.Set<String> traded, double capitalShare) {
        refresh();
        return sim.portfolioView(traded, capitalShare);
    }

    /** The simulated broker's own ledger view with contract-level ownership (see {@link Broker#portfolioView}). */
    @Override
    public synchronized org.leverdesk.domain.PortfolioView portfolioView(java.util.Set<String> traded, double capitalShare,
                                                                         org.leverdesk.broker.PositionOwnership ownership) {
        refresh();
        return sim.portfolioView(traded, capitalShare, ownership);
    }

    @Override
    public org.leverdesk.broker.Fees fees() {
        return sim.fees();
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

    /**
     * A spread or condor, filled all legs or none at the net credit/debit from the simulated broker's quotes (a sale
     * at the bid, a purchase at the ask), holding {@code OptionCover}'s cash, exactly as in a backtest. Every leg,
     * its fill and the cash are written in the one transaction of {@link #save}: a kill before it commits leaves
     * no leg, after it every leg. The legs keep their own client order ids, so after a restart they are found by
     * {@link #orderByClientOrderId} and a second send of the same combo is refused as a duplicate, never doubled.
     */
    @Override
    public synchronized List<BrokerOrder> submitMultiLeg(MultiLegOrderRequest request) {
        checkScale(request.clientOrderId(), "net limit price", request.limitPrice());
        for (OrderRequest leg : request.legs()) {
            checkScale(leg, "quantity", leg.quantity());
            if (leg.symbol().length() > 32) {
                throw new OrderRejectedException("order " + request.clientOrderId() + ": leg symbol " + leg.symbol()
                        + " is longer than 32 characters");
            }
        }
        refresh();
        // The legs are quoted from their chain at the underlying's latest price.
        loadPrice(request.underlying(), sim.now());
        // A refusal changes nothing; a fill is saved whole, or memory goes back to the store and the outcome is unknown.
        List<BrokerOrder> legs = sim.submitMultiLeg(request);
        save();
        return legs;
    }

    /**
     * Exercises the held long option {@code symbol} now (American style, every contract held): the shares at the
     * strike, the option gone, the option event and both fills written in the one transaction of {@link #save} (a kill
     * before it commits leaves the option held, after it the shares), then told to the option listeners (the journal).
     * A second call finds nothing held and is refused, so a repeated button press never exercises twice.
     *
     * @throws IllegalArgumentException (nothing changed) when it cannot be exercised; see {@link SimBroker#exercise}
     */
    public synchronized SimOptionEvent exercise(String symbol) {
        return change(() -> sim.exercise(symbol));
    }

    private static void checkScale(OrderRequest r, String what, BigDecimal v) {
        checkScale(r.clientOrderId(), what, v);
    }

    private static void checkScale(String clientOrderId, String what, BigDecimal v) {
        if (v != null && v.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new OrderRejectedException("order " + clientOrderId + ": the " + what + " " + v.toPlainString()
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
