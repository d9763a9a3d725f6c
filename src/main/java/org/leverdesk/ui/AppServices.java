package org.leverdesk.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.broker.Broker;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.insight.RegimeInsightService;
import org.leverdesk.insight.RotationInsightService;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.feed.DataUpdater;
import org.leverdesk.strategy.catalog.StrategyVersions;
import org.leverdesk.ui.dashboard.DashboardSource;
import org.leverdesk.ui.firstrun.AlpacaCredentials;
import org.leverdesk.ui.firstrun.HistoryFetch;
import org.leverdesk.ui.firstrun.KeyCheckResult;
import org.leverdesk.ui.journal.JournalSource;
import org.leverdesk.ui.orders.OrderHistory;
import org.leverdesk.ui.orders.ReconciliationSource;
import org.leverdesk.ui.orders.TradingControls;

/**
 * What the desktop window needs from the composition root: the backtest runner, the local data
 * catalog, the saved backtest runs, what the status bar shows (trading mode, data source label,
 * store path), the strategies' insight services, the trading services and the settings. A
 * {@code null} service hides the view that needs it.
 *
 * @param savedRuns where backtest results are kept; {@code null} when there is no store, and then the
 *                  window offers no saved-runs feature at all
 * @param storePath the H2 store file or folder; {@code null} when no store is open
 * @param regimeInsight the regime status and history; {@code null} hides the Regime view
 * @param strategyVersions the strategies' parameter versions; {@code null} when there is no store, and
 *                  then the window has no Strategies view
 * @param prices    the live price source, re-read by the status bar after an import switches the app
 *                  from the demo market to imported prices; {@code null} keeps the label fixed
 * @param rotationInsight the rotation's sleeves, choice and plan; {@code null} hides the Rotation view
 * @param trading   the account, its controls, orders, journal and dashboard; never null ({@link Trading#NONE})
 * @param settings  the config file, secrets and first-run helpers; never null ({@link Settings#NONE})
 * @param research  where sweeps and advisor suggestions are kept; never null ({@link Research#NONE})
 */
public record AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                          String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                          StrategyVersions strategyVersions, MarketData prices, RotationInsightService rotationInsight,
                          Trading trading, Settings settings, Research research) {
    /** How prices and orders are handled: simulated prices, paper trading or a live account. */
    public enum Mode {
        /** Simulated prices (the demo market); nothing is real. */
        DEMO,
        /** Real prices, simulated orders. */
        PAPER,
        /** Real prices, real orders. */
        LIVE
    }

    /**
     * The trading side of the window.
     *
     * @param broker          the account the Orders view and the "Close all" button act on; {@code null} hides both
     * @param tradingControls pause/resume and the kill switch; {@code null} hides those buttons
     * @param reconciliation  the latest reconciliation for the Orders view; {@code null} when there is none
     * @param orderHistory    the stored orders for the Orders view; {@code null} when there is no store
     * @param journal         the journal; {@code null} hides the Journal view
     * @param dashboard       the Dashboard's data; {@code null} hides the Dashboard
     * @param manualOrders    the order ticket's preview and send (risk gate, intent store, client order ids);
     *                        {@code null} hides the ticket
     * @param emergency       the one emergency path the "Close all" button runs; {@code null} (or no broker) hides it
     * @param positionHolds   the symbols held until a person confirms the broker's count, and the Orders view's
     *                        Accept action ({@code leverdesk reconcile --accept}); {@code null} hides them
     * @param riskGuard       the RiskGuard's stored status per configured strategy (the Options view's guard panel,
     *                        as {@code leverdesk guard}); {@code null}: the panel shows what the account alone tells
     * @param optionInstructions exercise / do-not-exercise (the CLI's {@code option} service, journalling in the store);
     *                        {@code null} hides the Options view's buttons
     * @param strategyScopes  what closing one strategy closes, as {@code force-exit --strategy} computes it; with
     *                        {@code emergency} it gives the Dashboard's "Close strategy…"; {@code null} hides that
     */
    public record Trading(Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                          OrderHistory orderHistory, JournalSource journal, DashboardSource dashboard,
                          org.leverdesk.execution.ManualOrders manualOrders, org.leverdesk.emergency.EmergencyExit emergency,
                          org.leverdesk.ui.orders.PositionHolds positionHolds,
                          org.leverdesk.riskguard.RiskGuardStatusProvider riskGuard,
                          org.leverdesk.execution.OptionInstructions optionInstructions,
                          org.leverdesk.ui.orders.StrategyScopes strategyScopes) {
        /** No trading services at all. */
        public static final Trading NONE = new Trading(null, null, null, null, null, null, null, null, null, null, null, null);

        /** Trading services without "Close strategy…". */
        public Trading(Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                       OrderHistory orderHistory, JournalSource journal, DashboardSource dashboard,
                       org.leverdesk.execution.ManualOrders manualOrders, org.leverdesk.emergency.EmergencyExit emergency,
                       org.leverdesk.ui.orders.PositionHolds positionHolds,
                       org.leverdesk.riskguard.RiskGuardStatusProvider riskGuard,
                       org.leverdesk.execution.OptionInstructions optionInstructions) {
            this(broker, tradingControls, reconciliation, orderHistory, journal, dashboard, manualOrders, emergency, positionHolds,
                    riskGuard, optionInstructions, null);
        }

        /** Trading services without exercise / do-not-exercise. */
        public Trading(Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                       OrderHistory orderHistory, JournalSource journal, DashboardSource dashboard,
                       org.leverdesk.execution.ManualOrders manualOrders, org.leverdesk.emergency.EmergencyExit emergency,
                       org.leverdesk.ui.orders.PositionHolds positionHolds,
                       org.leverdesk.riskguard.RiskGuardStatusProvider riskGuard) {
            this(broker, tradingControls, reconciliation, orderHistory, journal, dashboard, manualOrders, emergency, positionHolds,
                    riskGuard, null);
        }

        /** Trading services without the RiskGuard's status. */
        public Trading(Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                       OrderHistory orderHistory, JournalSource journal, DashboardSource dashboard,
                       org.leverdesk.execution.ManualOrders manualOrders, org.leverdesk.emergency.EmergencyExit emergency,
                       org.leverdesk.ui.orders.PositionHolds positionHolds) {
            this(broker, tradingControls, reconciliation, orderHistory, journal, dashboard, manualOrders, emergency, positionHolds, null);
        }

        /** Trading services without the held symbols. */
        public Trading(Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                       OrderHistory orderHistory, JournalSource journal, DashboardSource dashboard,
                       org.leverdesk.execution.ManualOrders manualOrders, org.leverdesk.emergency.EmergencyExit emergency) {
            this(broker, tradingControls, reconciliation, orderHistory, journal, dashboard, manualOrders, emergency, null, null);
        }

        /** Trading services without the order ticket and the emergency path (no "Close all"). */
        public Trading(Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                       OrderHistory orderHistory, JournalSource journal, DashboardSource dashboard) {
            this(broker, tradingControls, reconciliation, orderHistory, journal, dashboard, null, null, null, null);
        }
    }

    /**
     * The settings side of the window.
     *
     * @param configFile       the user's config file; {@code null} hides the Settings view and skips the first-run dialog
     * @param secrets          where API keys, tokens and passwords are kept (user-only file); needed with {@code configFile}
     * @param notificationTest sends a test message on a channel ("desktop", "telegram", "discord", "email") and
     *                         returns what happened; {@code null} hides Settings' "Send test" buttons
     * @param alpacaKeyCheck   checks Alpaca keys with a real account call; {@code null} hides the first-run Alpaca choice
     * @param historyFetch     fetches real price history after Alpaca is connected; {@code null} hides that option
     * @param dataUpdater      the Data view's "Update prices" (the enabled strategies' symbols from the configured
     *                         feed); {@code null} hides it
     */
    public record Settings(ConfigFile configFile, Secrets secrets, Function<String, String> notificationTest,
                           Function<AlpacaCredentials, KeyCheckResult> alpacaKeyCheck, HistoryFetch historyFetch,
                           DataUpdater dataUpdater) {
        /** No config file: no Settings view and no first-run dialog. */
        public static final Settings NONE = new Settings(null, null, null, null, null, null);

        /** Settings without "Update prices". */
        public Settings(ConfigFile configFile, Secrets secrets, Function<String, String> notificationTest,
                        Function<AlpacaCredentials, KeyCheckResult> alpacaKeyCheck, HistoryFetch historyFetch) {
            this(configFile, secrets, notificationTest, alpacaKeyCheck, historyFetch, null);
        }

        public Settings {
            if (configFile != null && secrets == null) {
                throw new IllegalArgumentException("AppServices with a config file needs the Secrets too");
            }
        }
    }

    /**
     * The research lab's store side.
     *
     * @param runs        saved sweeps and walk-forwards; {@code null}: results are not saved
     * @param suggestions applied advisor suggestions; {@code null} (or no strategy versions): suggestions cannot be applied
     * @param parity      the parity replay behind the Backtest view's "Replay as live"; {@code null} hides that button
     */
    public record Research(org.leverdesk.research.saved.ResearchRuns runs, org.leverdesk.research.advisor.Suggestions suggestions,
                           org.leverdesk.backtest.parity.ParityCheck parity) {
        /** Nothing kept. */
        public static final Research NONE = new Research(null, null, null);

        /** Without the parity replay. */
        public Research(org.leverdesk.research.saved.ResearchRuns runs, org.leverdesk.research.advisor.Suggestions suggestions) {
            this(runs, suggestions, null);
        }
    }

    /** Services without a research store (kept for callers written before it existed). */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                       StrategyVersions strategyVersions, MarketData prices, RotationInsightService rotationInsight,
                       Trading trading, Settings settings) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight, strategyVersions, prices,
                rotationInsight, trading, settings, Research.NONE);
    }

    public AppServices {
        Objects.requireNonNull(backtests, "AppServices needs a BacktestRunner");
        Objects.requireNonNull(dataCatalog, "AppServices needs a DataCatalog");
        Objects.requireNonNull(mode, "AppServices needs a mode (DEMO, PAPER or LIVE)");
        dataSourceLabel = dataSourceLabel == null || dataSourceLabel.isBlank() ? "unknown data source" : dataSourceLabel;
        trading = trading == null ? Trading.NONE : trading;
        settings = settings == null ? Settings.NONE : settings;
        research = research == null ? Research.NONE : research;
    }

    /** Services without trading, Settings and the Rotation view (kept for callers written before they existed). */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                       StrategyVersions strategyVersions, MarketData prices) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight, strategyVersions, prices,
                null, Trading.NONE, Settings.NONE);
    }

    /** Services without the Regime and Strategies views (kept for callers written before they existed). */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, null, null, null);
    }

    /** Services without saved runs (no store): the window hides the saved-runs feature. */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, Mode mode, String dataSourceLabel, Path storePath) {
        this(backtests, dataCatalog, null, mode, dataSourceLabel, storePath, null, null, null);
    }

    /** A copy with other trading services. */
    public AppServices withTrading(Trading t) {
        return new AppServices(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight,
                strategyVersions, prices, rotationInsight, t, settings, research);
    }

    /** A copy with other settings services. */
    public AppServices withSettings(Settings s) {
        return new AppServices(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight,
                strategyVersions, prices, rotationInsight, trading, s, research);
    }

    /** A copy with another research store. */
    public AppServices withResearch(Research r) {
        return new AppServices(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight,
                strategyVersions, prices, rotationInsight, trading, settings, r);
    }

    public Broker broker() { return trading.broker(); }
    public org.leverdesk.emergency.EmergencyExit emergency() { return trading.emergency(); }
    public org.leverdesk.ui.orders.StrategyScopes strategyScopes() { return trading.strategyScopes(); }
    public TradingControls tradingControls() { return trading.tradingControls(); }
    public ReconciliationSource reconciliation() { return trading.reconciliation(); }
    public OrderHistory orderHistory() { return trading.orderHistory(); }
    public JournalSource journal() { return trading.journal(); }
    public DashboardSource dashboard() { return trading.dashboard(); }
    public org.leverdesk.execution.ManualOrders manualOrders() { return trading.manualOrders(); }
    public org.leverdesk.ui.orders.PositionHolds positionHolds() { return trading.positionHolds(); }
    public ConfigFile configFile() { return settings.configFile(); }
    public Secrets secrets() { return settings.secrets(); }
    public Function<String, String> notificationTest() { return settings.notificationTest(); }
    public Function<AlpacaCredentials, KeyCheckResult> alpacaKeyCheck() { return settings.alpacaKeyCheck(); }
    public HistoryFetch historyFetch() { return settings.historyFetch(); }
    public DataUpdater dataUpdater() { return settings.dataUpdater(); }
}
