package org.leverdesk.app.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.insight.AccountSnapshot;
import org.leverdesk.insight.RegimeInsightService;
import org.leverdesk.insight.RotationInsightService;
import org.leverdesk.strategy.rotation.RotationConfig;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.backtest.runs.StoreSavedRuns;
import org.leverdesk.store.DataDirectory;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreDataCatalog;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyVersions;
import org.leverdesk.store.StrategyVersionRepository;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;

/**
 * The composition root: the one place that picks adapters. Prices come from {@code --prices DIR}
 * when given, else from the store once it holds bars, else from the simulated demo market. The
 * store is opened only when a command needs it, so a read-only CLI run works while the app is open.
 */
public final class AppContext implements AutoCloseable {
    private final Clock clock;
    private final TradingCalendar calendar;
    private final CsvBarReader csvReader;
    private final Store store;
    private final MarketData marketData;
    private final BacktestService backtests;
    /** Replaces the configured broker in tests (a scripted double); null in the app. */
    static volatile java.util.function.Function<AppContext, Broker> brokerFactory;
    private Broker broker;
    private AutoCloseable brokerResource;
    /** The prices trading was started on (pinned when the broker was built); null before. */
    private volatile MarketData tradingData;
    /** The context this one is a view of (same store and broker, other prices); null for an owning context. */
    private final AppContext parent;

    private AppContext(Clock clock, Store store, Path pricesDir, double riskFreeRate) {
        this(clock, store, pricesDir, riskFreeRate, null);
    }

    private AppContext(Clock clock, Store store, Path pricesDir, double riskFreeRate, AppContext parent) {
        this.parent = parent;
        this.clock = clock;
        this.calendar = new NyseCalendar();
        this.csvReader = new CsvBarReader(calendar);
        this.store = store;
        if (pricesDir != null) {
            if (!Files.isDirectory(pricesDir)) {
                throw new IllegalArgumentException("--prices " + pricesDir + " is not a folder; give a folder holding <SYMBOL>.csv files");
            }
            this.marketData = new CsvDirectoryMarketData(pricesDir, csvReader);
        } else if (parent != null) {
            this.marketData = parent.marketData;
        } else {
            this.marketData = new StoreOrDemoMarketData(store, calendar, demoEnd());
        }
        this.backtests = new BacktestService(marketData, calendar, StrategyCatalog.builtIn(), new MetricsCalculator(riskFreeRate));
        this.pricesDir = pricesDir;
        backtests.setOptionChains(this::optionChains);
    }

    private final Path pricesDir;
    private org.leverdesk.options.chain.SyntheticChains optionChains;

    /**
     * The synthetic option chains of this context's market (built once, when first asked): on the demo
     * market its VIX-like series; on real prices VIX/VXN/DGS3MO beside the prices folder (README, Options).
     */
    public synchronized org.leverdesk.options.chain.SyntheticChains optionChains() {
        if (optionChains == null) {
            optionChains = marketData.isSimulated()
                    ? org.leverdesk.options.data.OptionMarketFiles.demoMarket(marketData, calendar)
                    : org.leverdesk.options.data.OptionMarketFiles.realMarket(pricesDir != null
                            ? org.leverdesk.options.data.OptionMarketFiles.besidePrices(pricesDir)
                            : new org.leverdesk.options.data.OptionMarketFiles.Locations(null, null, null), marketData, calendar);
        }
        return optionChains;
    }

    /**
     * Opens the context for a command or the app.
     *
     * @param dataDir   store folder, or null for the per-user default
     * @param pricesDir CSV folder to read prices from, or null
     * @param needStore false when the command neither saves nor reads the store (and --prices is given)
     */
    public static AppContext open(Path dataDir, Path pricesDir, double riskFreeRate, boolean needStore) {
        Store store = needStore || pricesDir == null
                ? Store.open(dataDir != null ? dataDir : DataDirectory.resolveDefault()) : null;
        try {
            return new AppContext(Clock.systemDefaultZone(), store, pricesDir, riskFreeRate);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /**
     * A view of this context for one command run inside the process that owns the store (a command sent
     * over the control channel): the same store and broker, prices from {@code pricesDir} when given (else
     * this context's), and a {@link #close} that leaves the store and broker open.
     */
    public AppContext view(Path pricesDir, double riskFreeRate) {
        return new AppContext(clock, store, pricesDir, riskFreeRate, this);
    }

    /** The demo market runs to the last completed session before today. */
    private LocalDate demoEnd() {
        return calendar.previousTradingDay(LocalDate.now(clock.withZone(NyseCalendar.ZONE)));
    }

    public TradingCalendar calendar() { return calendar; }

    /** True when prices come from the store (or the demo market before it holds any), not from {@code --prices DIR}. */
    public boolean usesStorePrices() { return marketData instanceof StoreOrDemoMarketData; }
    public MarketData marketData() { return marketData; }
    public BacktestService backtests() { return backtests; }

    /**
     * The regime strategy's status and history with default settings, sized against the flat $10,000
     * paper account (there is no broker and no saved portfolio yet).
     */
    public RegimeInsightService regimeInsight() {
        return regimeInsight(AccountSnapshot.paper());
    }

    /** Like {@link #regimeInsight()} but sized against {@code account}. */
    public RegimeInsightService regimeInsight(AccountSnapshot account) {
        return regimeInsight(account, clock);
    }

    /** Like {@link #regimeInsight(AccountSnapshot)} with "now" read from {@code now} (e.g. a fixed past day). */
    public RegimeInsightService regimeInsight(AccountSnapshot account, Clock now) {
        return new RegimeInsightService(marketData, calendar, RegimeConfig.defaults(), now, () -> account);
    }

    /**
     * The regime status with the strategy's parameters {@code config} (null: the defaults), "now" from
     * {@code now}, sized against the account {@code account} gives on each call.
     */
    public RegimeInsightService regimeInsight(RegimeConfig config, Clock now, java.util.function.Supplier<AccountSnapshot> account) {
        return new RegimeInsightService(marketData, calendar, config == null ? RegimeConfig.defaults() : config, now, account);
    }

    /** The rotation's sleeves and plan with {@code config} (null: the defaults), sized against {@code account}. */
    public RotationInsightService rotationInsight(RotationConfig config, java.util.function.Supplier<AccountSnapshot> account) {
        return new RotationInsightService(marketData, config == null ? RotationConfig.defaults() : config, clock, account);
    }

    /**
     * The rotation's sleeves, choice and plan with default settings, sized against the flat $10,000
     * paper account (there is no broker portfolio in the window yet).
     */
    public RotationInsightService rotationInsight() {
        return new RotationInsightService(marketData, RotationConfig.defaults(), clock, AccountSnapshot::paper);
    }

    /** The store's Data view catalog; requires an open store. */
    public DataCatalog dataCatalog() {
        return new StoreDataCatalog(requireStore(), csvReader);
    }

    /** The refresh of the store's bars from {@code feed} ({@code data update}, the Data view, the scheduler). */
    public org.leverdesk.market.feed.MarketDataRefresher refresher(org.leverdesk.market.feed.MarketDataFeed feed) {
        return new org.leverdesk.market.feed.MarketDataRefresher(feed, new org.leverdesk.store.StoreFeedBars(requireStore()),
                new org.leverdesk.market.feed.FeedTiming(calendar));
    }

    /** Saves a backtest run with the parameters it ran with and returns its id. */
    public long saveRun(BacktestResult result, java.util.Map<String, String> parameters) {
        return savedRuns().save(result, parameters);
    }

    /** Saves a backtest run, referencing (and if new creating) the strategy version of its parameters. */
    public StoreSavedRuns.SavedWithVersion saveRunWithVersion(BacktestResult result, java.util.Map<String, String> parameters) {
        return savedRuns().saveWithVersion(result, parameters);
    }

    /** Backtest runs kept in the store; each references the strategy version it ran. */
    public StoreSavedRuns savedRuns() {
        return new StoreSavedRuns(requireStore(), Clock.systemUTC(), strategyVersions());
    }

    /** Sweeps and walk-forwards kept in the store; requires an open store. */
    public org.leverdesk.research.saved.ResearchRunRepository researchRuns() {
        return new org.leverdesk.research.saved.ResearchRunRepository(requireStore(), Clock.systemUTC());
    }

    /** The advisor's applied suggestions kept in the store; requires an open store. */
    public org.leverdesk.research.advisor.AdvisorSuggestionRepository advisorSuggestions() {
        return new org.leverdesk.research.advisor.AdvisorSuggestionRepository(requireStore(), Clock.systemUTC());
    }

    /** Strategy parameter versions kept in the store. */
    public StrategyVersions strategyVersions() {
        return new StrategyVersionRepository(requireStore(), Clock.systemUTC(), StrategyCatalog.builtIn());
    }

    /**
     * The account's broker as {@code config} selects it, built on first use: the built-in paper broker
     * (state in this store, prices from this context's market data) or Alpaca (keys from the
     * environment or the user-only secrets file).
     */
    public Broker broker(org.leverdesk.config.AppConfig config) {
        return broker(config, org.leverdesk.config.Secrets.forCurrentUser(), Clock.systemUTC());
    }

    /**
     * Like {@link #broker(org.leverdesk.config.AppConfig)} with the secrets and, for the paper broker,
     * the time given (the trading runtime passes its scheduler's clock so simulated days fill in simulated time).
     * The broker is built once; later calls return it whatever they pass.
     */
    public synchronized Broker broker(org.leverdesk.config.AppConfig config, org.leverdesk.config.Secrets secrets, Clock now) {
        if (parent != null) {
            return parent.broker(config, secrets, now);
        }
        if (broker == null) {
            java.util.function.Function<AppContext, Broker> factory = brokerFactory;
            if (factory != null) {
                broker = factory.apply(this);
            } else {
                tradingData = marketData instanceof StoreOrDemoMarketData switching ? switching.pinned() : marketData;
                Brokers.Opened opened = Brokers.open(config.broker(), config.risk(), requireStore(), tradingData, now, secrets);
                broker = opened.broker();
                brokerResource = opened.resource();
                if (broker instanceof org.leverdesk.broker.paper.PaperBroker paper) {
                    paper.setOptionChains(optionChainsOrNone());
                }
            }
        }
        return broker;
    }

    /**
     * A fresh $100,000 paper account in {@code replayStore} with this context's prices as known at
     * {@code clock}, for replaying a past day ({@code run --as-of}) without touching the user's account.
     */
    public Broker replayBroker(Store replayStore, Clock clock) {
        java.util.function.Function<AppContext, Broker> factory = brokerFactory;
        return factory != null ? factory.apply(this) : new org.leverdesk.broker.paper.PaperBroker(replayStore, marketData, clock);
    }

    /** The execution service over {@code broker} and this context's prices, calendar and store. */
    public ExecutionService execution(Broker broker, RiskSettings risk, TradingMode mode, Clock now) {
        return withOptions(new ExecutionService(broker, tradingData(), calendar, requireStore(), risk, mode, now, exchangeHours()), broker, now);
    }

    /**
     * The prices trading decides on: those the broker was built with (the simulated demo market stays the
     * demo market for a running runtime even after an import), else this context's.
     */
    public MarketData tradingData() {
        if (parent != null) {
            return marketData == parent.marketData ? parent.tradingData() : marketData;
        }
        MarketData pinned = tradingData;
        return pinned != null ? pinned : marketData;
    }

    /**
     * Option strategies on the paper broker: they see the chains it quotes from, and its expiries, assignments
     * and exercises reach the store's own count and the journal (the ones saved while no run listened, first).
     */
    private ExecutionService withOptions(ExecutionService execution, Broker broker, Clock now) {
        if (broker instanceof org.leverdesk.broker.paper.PaperBroker paper && paper.optionChains() != null) {
            execution.setOptionChains(paper.optionChains());
            execution.recordOptionEvents(paper.optionEvents());
            paper.addOptionListener(e -> execution.recordOptionEvents(java.util.List.of(e)));
        }
        if (broker instanceof org.leverdesk.broker.alpaca.AlpacaBroker alpaca) {
            // On Alpaca the strategies see Alpaca's chain and its option activities reach the store's count (issue 16 §4).
            // Alpaca's chain has no rate: the T-bill rate beside the prices (DGS3MO, as the synthetic chains), else the labelled 3%
            org.leverdesk.options.market.RiskFreeRate rates = alpacaChainRates();
            execution.setOptionMarket(day -> new org.leverdesk.broker.alpaca.AlpacaOptionMarket(alpaca.options(), day, rates));
            execution.setOptionEventSource(held -> org.leverdesk.broker.alpaca.AlpacaOptionEvents.read(alpaca.options(),
                    now.instant().minus(java.time.Duration.ofDays(90)), held));
        }
        return execution;
    }

    /** The DGS3MO T-bill rates beside the prices folder for Alpaca's chains; null (the chain's labelled fallback) without one. */
    private org.leverdesk.options.market.RiskFreeRate alpacaChainRates() {
        if (pricesDir == null) {
            return null;
        }
        try {
            return org.leverdesk.options.data.OptionMarketFiles.treasuryBillRates(
                    org.leverdesk.options.data.OptionMarketFiles.besidePrices(pricesDir));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("Alpaca's option chains use the 3% fallback rate: {}", e.getMessage());
            return null;
        }
    }

    /** The option chains, or null (logged) when this market's volatility or rate files cannot be read. */
    private org.leverdesk.options.chain.SyntheticChains optionChainsOrNone() {
        try {
            return optionChains();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("no option chains for the paper broker: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The calendar the broker's open/closed is checked against: the exchange's, or none with the JVM property
     * {@code leverdesk.exchangeHours=broker}, which tests set for child processes run against a fake broker that
     * is open around the clock (the clock skew is checked all the same).
     */
    private TradingCalendar exchangeHours() {
        return "broker".equals(System.getProperty("leverdesk.exchangeHours")) ? null : calendar;
    }

    /**
     * Like {@link #execution(Broker, RiskSettings, TradingMode, Clock)} for runs whose prices a market-data feed
     * refreshes first: orders need today's bar ({@link org.leverdesk.market.feed.LiveFreshness}).
     */
    public ExecutionService execution(Broker broker, RiskSettings risk, TradingMode mode, Clock now,
                                      org.leverdesk.market.feed.LiveFreshness freshness) {
        return withOptions(new ExecutionService(broker, marketData, calendar, requireStore(), risk, mode, now, freshness,
                exchangeHours()), broker, now);
    }

    /** Lists of the orders recorded in the store. */
    public OrderQueries orderQueries() {
        Store s = requireStore();
        return new OrderQueries(s, new OrderRepository(s, Clock.systemUTC()));
    }

    /** The store's daily bars; requires an open store. */
    public org.leverdesk.store.BarRepository bars() {
        return new org.leverdesk.store.BarRepository(requireStore());
    }

    /** The append-only journal in the store; requires an open store. */
    public JournalRepository journal() {
        return new JournalRepository(requireStore(), Clock.systemUTC());
    }

    /** Where the chat listeners read their update streams up to (Telegram's offset); requires an open store. */
    public org.leverdesk.store.ChatOffsetRepository chatOffsets() {
        return new org.leverdesk.store.ChatOffsetRepository(requireStore(), Clock.systemUTC());
    }

    /** The journal with entry times from {@code clock} (the trading runtime's scheduler time). */
    public JournalRepository journal(Clock clock) {
        return new JournalRepository(requireStore(), clock);
    }

    /** The scheduler's run log in the store (which occurrences ran or were missed); requires an open store. */
    public org.leverdesk.schedule.JobRunLog jobRunLog() {
        return new org.leverdesk.schedule.StoreJobRunLog(requireStore());
    }

    /** The stored decisions of live runs; requires an open store. */
    public org.leverdesk.store.DecisionRepository decisions() {
        return new org.leverdesk.store.DecisionRepository(requireStore(), Clock.systemUTC());
    }

    /** Recorded order intents and their status; requires an open store. */
    public OrderRepository orders() {
        return new OrderRepository(requireStore(), Clock.systemUTC());
    }

    /** Where an emergency exit records its steps in this store (HALTED, journal, order statuses), times from {@code clock}. */
    public org.leverdesk.emergency.StoreEmergencyRecord emergencyRecord(Clock clock) {
        return org.leverdesk.emergency.StoreEmergencyRecord.of(requireStore(), clock);
    }

    /** The trading state (ACTIVE / REDUCING / HALTED) of this store's account, with journal entries timed by {@code clock}. */
    public org.leverdesk.risk.RiskGate riskGate(Clock clock) {
        Store s = requireStore();
        return new org.leverdesk.risk.RiskGate(new org.leverdesk.store.TradingStateRepository(s, clock), journal(clock));
    }

    /** The positions each broker had at its latest reconciliation; requires an open store. */
    public org.leverdesk.store.PositionSnapshotRepository positionSnapshots() {
        return new org.leverdesk.store.PositionSnapshotRepository(requireStore(), Clock.systemUTC());
    }

    /**
     * The RiskGuard's status of {@code config}'s enabled strategies (their limits, the state the decision cycle
     * keeps in the store): the Dashboard's banner and gauges, {@code leverdesk guard}, the Options view.
     */
    public org.leverdesk.riskguard.RiskGuardStatusProvider riskGuardStatus(org.leverdesk.config.AppConfig config) {
        return riskGuardStatus(config, null);
    }

    /**
     * The RiskGuard's status with the open-risk and net-delta gauges of {@code broker}'s option positions (grouped
     * and priced on this market's synthetic chains, as the Options view does); {@code broker} null: without them.
     */
    public org.leverdesk.riskguard.RiskGuardStatusProvider riskGuardStatus(org.leverdesk.config.AppConfig config,
                                                                           org.leverdesk.broker.Broker broker) {
        java.util.Map<String, org.leverdesk.riskguard.GuardLimits> limits = new java.util.LinkedHashMap<>();
        for (org.leverdesk.config.StrategySettings s : config.enabledStrategies()) {
            limits.put(s.strategyId(), LiveStrategies.strategy(s).guardLimits());
        }
        java.util.function.Supplier<org.leverdesk.riskguard.OptionExposure> exposure = null;
        if (broker != null) {
            // the chains are built when first read (not for a config without spreads or condor)
            exposure = () -> new org.leverdesk.optionbook.BookExposure(broker, new org.leverdesk.optionbook.SyntheticChainSource(
                    marketData, optionChains(), false), Clock.systemUTC()).get();
        }
        return new org.leverdesk.execution.GuardStatusService(new org.leverdesk.store.GuardStateRepository(requireStore(),
                Clock.systemUTC()), limits, calendar, Clock.systemUTC(), exposure);
    }

    /** The store's data folder (where the scheduler lock lives); requires an open store. */
    /** The risk guard's stored state (ACTIVE, REDUCING or HALTED). */
    public org.leverdesk.store.TradingStateRepository tradingState() {
        return new org.leverdesk.store.TradingStateRepository(requireStore(), Clock.systemUTC());
    }

    /** Every fill of the paper account in this store, oldest first (tax lots, reports). */
    public java.util.List<org.leverdesk.broker.sim.SimFill> paperFills() {
        return org.leverdesk.broker.paper.PaperBroker.storedFills(requireStore());
    }

    /** Every split the paper account applied, oldest first (the tax lots multiply their shares by it). */
    public java.util.List<org.leverdesk.broker.sim.SimSplit> paperSplits() {
        return org.leverdesk.broker.paper.PaperBroker.storedSplits(requireStore());
    }

    public Path dataDirectory() {
        return requireStore().dataDirectory();
    }

    public String storeLocation() {
        return store == null ? "(no store)" : store.databaseFile().toString();
    }

    public Path storePath() {
        return store == null ? null : store.databaseFile();
    }

    /** The known stock splits (schema V19) and their one adjustment of the stored bars. */
    public org.leverdesk.store.SplitRepository splits() {
        return new org.leverdesk.store.SplitRepository(requireStore());
    }

    private Store requireStore() {
        if (store == null) {
            throw new IllegalStateException("this command runs without the store; drop --no-save to use it");
        }
        return store;
    }

    @Override
    public void close() {
        if (parent != null) {
            return; // a view: the owning context keeps the store and the broker open
        }
        if (brokerResource != null) {
            try {
                brokerResource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("closing the broker connection failed: {}", e.toString());
            }
        }
        if (store != null) {
            store.close();
        }
    }
}
