package org.leverdesk.ui;

import java.util.function.Function;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.Secrets;
import org.leverdesk.ui.firstrun.AlpacaCredentials;
import org.leverdesk.ui.firstrun.HistoryFetch;
import org.leverdesk.ui.firstrun.KeyCheckResult;
import java.nio.file.Path;
import java.util.Objects;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.insight.RegimeInsightService;
import org.leverdesk.market.data.DataCatalog;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.strategy.catalog.StrategyVersions;

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
 * @param configFile the user's config file; {@code null} hides the Settings view and skips the first-run dialog
 * @param secrets   where API keys, tokens and passwords are kept (user-only file); needed with {@code configFile}
 * @param notificationTest sends a test message on a channel ("desktop", "telegram", "discord", "email") and
 *                  returns what happened; {@code null} hides Settings' "Send test" buttons
 * @param alpacaKeyCheck checks Alpaca keys with a real account call; {@code null} hides the first-run Alpaca choice
 * @param historyFetch fetches real price history after Alpaca is connected; {@code null} hides that option
 */
public record AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                          String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                          StrategyVersions strategyVersions, MarketData prices,
                          ConfigFile configFile, Secrets secrets, Function<String, String> notificationTest,
                          Function<AlpacaCredentials, KeyCheckResult> alpacaKeyCheck, HistoryFetch historyFetch) {
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
        if (configFile != null && secrets == null) {
            throw new IllegalArgumentException("AppServices with a config file needs the Secrets too");
        }
    }

    /** Services without Settings and first run (kept for callers written before they existed). */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath, RegimeInsightService regimeInsight,
                       StrategyVersions strategyVersions, MarketData prices) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, regimeInsight, strategyVersions, prices,
                null, null, null, null, null);
    }

    /** Services without the Regime and Strategies views (kept for callers written before they existed). */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, SavedRuns savedRuns, Mode mode,
                       String dataSourceLabel, Path storePath) {
        this(backtests, dataCatalog, savedRuns, mode, dataSourceLabel, storePath, null, null, null, null, null, null, null, null);
    }

    /** Services without saved runs (no store): the window hides the saved-runs feature. */
    public AppServices(BacktestRunner backtests, DataCatalog dataCatalog, Mode mode, String dataSourceLabel, Path storePath) {
        this(backtests, dataCatalog, null, mode, dataSourceLabel, storePath, null, null, null, null, null, null, null, null);
    }
}
