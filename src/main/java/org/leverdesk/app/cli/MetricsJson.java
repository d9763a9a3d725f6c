package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Fill;

/**
 * The {@code backtest --json} document: {"strategy": {metrics}, "benchmark": {metrics}, "trades": [...]}.
 * Numbers are plain decimals, ratios fractions; an undefined metric (NaN, or an infinite profit
 * factor) is null.
 */
final class MetricsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsJson() {
    }

    /** The JSON of {@code r}; "run_id" and "version_id" (the strategy version it ran) only when it was saved. */
    static String of(BacktestResult r, Long runId, Long versionId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("strategy", metrics(r.metrics()));
        root.set("benchmark", r.benchmarkMetrics() == null ? null : metrics(r.benchmarkMetrics()));
        ArrayNode trades = root.putArray("trades");
        for (Fill f : r.fills()) {
            ObjectNode t = trades.addObject();
            t.put("date", f.date().toString());
            t.put("symbol", f.symbol());
            t.put("side", f.side().name());
            t.put("quantity", f.quantity());
            number(t, "price", f.price());
            number(t, "commission", f.commission());
            if (f.reason() != null && !f.reason().isBlank()) {
                t.put("reason", f.reason());
            }
        }
        org.leverdesk.backtest.OptionSummary o = org.leverdesk.backtest.OptionSummary.of(r.fills());
        if (o.any()) {
            ObjectNode opt = root.putObject("options");
            opt.put("contracts_sold", o.optionsSold());
            number(opt, "premium_collected", o.premiumCollected());
            number(opt, "premium_paid", o.premiumPaid());
            number(opt, "option_pnl", o.optionPnl());
            opt.put("put_assignments", o.putAssignments());
            opt.put("call_assignments", o.callAssignments());
            opt.put("expired_worthless", o.expiredWorthless());
        }
        if (runId != null) {
            root.put("run_id", runId);
        }
        if (versionId != null) {
            root.put("version_id", versionId);
        }
        return root.toString();
    }

    /** A document printed by {@link #of} read back as an object (to add sections to it). */
    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read the backtest JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One metric set as a JSON object (keys as in {@code backtest --json}). */
    static ObjectNode metrics(Metrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        number(o, "total_return", m.totalReturn());
        number(o, "cagr", m.cagr());
        number(o, "annual_volatility", m.annualVolatility());
        number(o, "sharpe", m.sharpe());
        number(o, "sortino", m.sortino());
        number(o, "max_drawdown", m.maxDrawdown());
        o.put("max_drawdown_peak", m.maxDrawdownPeak() == null ? null : m.maxDrawdownPeak().toString());
        o.put("max_drawdown_trough", m.maxDrawdownTrough() == null ? null : m.maxDrawdownTrough().toString());
        number(o, "calmar", m.calmar());
        o.put("trades", m.trades());
        number(o, "win_rate", m.winRate());
        number(o, "profit_factor", m.profitFactor());
        number(o, "avg_win", m.avgWin());
        number(o, "avg_loss", m.avgLoss());
        number(o, "exposure", m.exposure());
        number(o, "final_equity", m.finalEquity());
        return o;
    }

    /** Writes a plain decimal (never exponent notation) rounded to 10 significant digits, or null. */
    static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, new BigDecimal(v).round(new java.math.MathContext(10)).stripTrailingZeros());
        } else {
            o.putNull(name);
        }
    }
}
