package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.PortfolioBacktestRequest;
import org.leverdesk.backtest.PortfolioRun;
import org.leverdesk.backtest.PortfolioRunText;
import org.leverdesk.backtest.StrategyContribution;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.config.OptionsPortfolio;

/**
 * {@code backtest --mode MODE} / {@code --portfolio}: the mode's strategies on one simulated account through the one
 * engine, printed as the single-strategy backtest is (metrics beside buy-and-hold, {@code --json}, the saved run, the
 * PDF and CSV files) plus each strategy's part. The run is saved as {@code mode:MODE} with no strategy version; its
 * parameters record the mode, the assets, each strategy's share and parameters and its result
 * ({@link PortfolioRunText#parameters}).
 */
final class ModeBacktest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BacktestCommand cmd;

    ModeBacktest(BacktestCommand cmd) {
        this.cmd = cmd;
    }

    Integer call() {
        OptionsPortfolio portfolio = cmd.modes.portfolio();
        PortfolioBacktestRequest request = new PortfolioBacktestRequest(portfolio, cmd.from, cmd.to, cmd.capital, cmd.costs(),
                cmd.benchmark);
        try (StoreLease lease = StoreLease.open(cmd.store, cmd.riskFree, !cmd.noSave)) {
            AppContext app = lease.app();
            PortfolioRun run = app.backtests().runPortfolio(request, ProgressListener.NONE, CancellationToken.NONE);
            BacktestResult result = run.result();
            Map<String, String> params = PortfolioRunText.parameters(request, run.contributions());
            Long runId = cmd.noSave ? null : app.savedRuns().saveWithoutVersion(result, params);
            String name = PortfolioRunText.name(portfolio);
            var mc = cmd.monteCarlo && !result.roundTrips().isEmpty() ? cmd.monteCarloOptions.run(result) : null;
            cmd.writeFiles(app, result, name, params, runId, null, mc);
            PrintWriter out = cmd.spec.commandLine().getOut();
            if (cmd.json) {
                ObjectNode root = MetricsJson.parse(MetricsJson.of(result, runId, null));
                root.set("mode", json(request, run));
                if (cmd.monteCarlo) {
                    root.set("monte_carlo", mc == null ? null : MonteCarloOptions.json(mc));
                }
                out.println(root.toString());
            } else {
                out.print(MetricsTable.of(result, name));
                out.print(PortfolioRunText.table(portfolio, run));
                if (cmd.monteCarlo) {
                    out.print(mc == null ? "Monte Carlo: the run closed no trade to resample" + System.lineSeparator()
                            : MonteCarloOptions.text(mc));
                }
                if (runId != null) {
                    out.println("saved as run " + runId + " (" + result.strategyId() + ", no strategy version) in "
                            + app.storeLocation());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The "mode" object of --json: what ran (mode, assets, the loop's symbol) and each strategy's part. */
    static ObjectNode json(PortfolioBacktestRequest request, PortfolioRun run) {
        OptionsPortfolio p = request.portfolio();
        ObjectNode m = MAPPER.createObjectNode();
        m.put("mode", p.mode().label());
        m.put("id", request.runId());
        m.put("description", p.describe());
        ArrayNode assets = m.putArray("assets");
        p.symbols().forEach(a -> assets.add(a.spec()));
        m.put("weekly_dca_total", p.weeklyDcaTotal());
        m.put("capital_share", p.capitalShare());
        m.put("days_symbol", request.daysSymbol());
        ArrayNode strategies = m.putArray("strategies");
        for (StrategyContribution c : run.contributions()) {
            strategies.add(MAPPER.valueToTree(PortfolioRunText.values(c)));
        }
        m.put("unattributed_pnl", run.unattributedPnl());
        ArrayNode denied = m.putArray("risk_denied");
        run.denials().forEach(denied::add);
        return m;
    }
}
