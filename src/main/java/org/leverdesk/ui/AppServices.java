package org.leverdesk.ui;

import java.nio.file.Path;
import java.util.Objects;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.broker.Broker;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.insight.RegimeInsightService;
import org.leverdesk.insight.RotationInsightService;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.strategy.catalog.StrategyVersions;
import org.leverdesk.ui.journal.JournalSource;
import org.leverdesk.ui.orders.OrderHistory;
import org.leverdesk.ui.orders.ReconciliationSource;
import org.leverdesk.ui.orders.TradingControls;

/**
 * What the desktop window needs from the composition root: the backtest runner, the local data
 * catalog, the saved backtest runs, what the status bar shows (trading mode, data source label,
 * store path), and the regime strategy's status and history.
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
 * @param broker    the account the Orders view and the "Close all" button act on; {@code null} hides both
 * @param tradingControls pause/resume and the kill switch; {@code null} hides those buttons
 * @param reconciliation the latest reconciliation for the Orders view; {@code null} when there is none
 * @param orderHistory the stored orders for the Orders view; {@code null} when there is no store
 * @param journal   the journal; {@code null} hides the Journal view
 */
public record AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                          String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                          StrategyVersions strategyVersions, MarketData prices, RotationInsightService rotationInsight,
                          Broker broker, TradingControls tradingControls, ReconciliationSource reconciliation,
                          OrderHistory orderHistory, JournalSource journal) {
    /** How prices and orders are handled: simulated prices, paper trading or a live account. */
    public enum Mode {
        /** Simulated prices (the demo market); nothing is real. */
        DEMO,
        /** Real prices, simulated orders. */
        PAPER,
        /** Real prices, real orders. */
        LIVE
    }

    public AppServices {
        Objects.requireNonNull(backtests, "AppServices needs a BacktestRunner");
        Objects.requireNonNull(dataCatalog, "AppServices needs a DataCatalog");
        Objects.requireNonNull(mode, "AppServices needs a mode (DEMO, PAPER or LIVE)");
        dataSourceLabel = dataSourceLabel == null || dataSourceLabel.isBlank() ? "unknown data source" : dataSourceLabel;
    }

    /** Services without trading (no broker), the Journal and the Rotation view. */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                       StrategyVersions strategyVersions, MarketData prices) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight, strategyVersions, prices,
                null, null, null, null, null, null);
    }

    /** Services without the Regime and Strategies views (kept for callers written before they existed). */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, null, null, null, null, null, null, null, null, null);
    }

    /** Services without saved runs (no store): the window hides the saved-runs feature. */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, Mode mode, String dataSourceLabel, Path storePath) {
        this(backtests, dataCatalog, null, mode, dataSourceLabel, storePath, null, null, null, null, null, null, null, null, null);
    }
}
