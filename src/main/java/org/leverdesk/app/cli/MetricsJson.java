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
            org.leverdesk.options.contract.OptionSymbols.contract(f.symbol()).ifPresent(c -> {
                ObjectNode o = t.putObject("option");
                o.put("underlying", c.underlying());
                o.put("expiry", c.expiry().toString());
                o.put("right", c.right().name());
                o.put("strike", c.strike().stripTrailingZeros().toPlainString());
                o.put("multiplier", c.multiplier());
            });
        }
        org.leverdesk.backtest.OptionResults opt = org.leverdesk.backtest.OptionResults.of(r);
        if (opt.any()) {
            root.set("options", options(opt));
        }
        if (runId != null) {
            root.put("run_id", runId);
        }
        if (versionId != null) {
            root.put("version_id", versionId);
        }
        return root.toString();
    }

    /**
     * The "options" object: the counts, the premium/stock split, every option event with all its legs (one
     * entry per order or settlement), the spreads' exits by kind and the days each gate refused an entry.
     */
    static ObjectNode options(org.leverdesk.backtest.OptionResults opt) {
        org.leverdesk.backtest.OptionSummary o = opt.summary();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("contracts_sold", o.optionsSold());
        number(n, "premium_collected", o.premiumCollected());
        number(n, "premium_paid", o.premiumPaid());
        number(n, "option_pnl", o.optionPnl());
        n.put("put_assignments", o.putAssignments());
        n.put("call_assignments", o.callAssignments());
        n.put("expired_worthless", o.expiredWorthless());
        number(n, "option_cash", opt.optionCash());
        number(n, "open_option_value", opt.openOptionValue());
        number(n, "premium_pnl", opt.premiumPnl());
        number(n, "stock_pnl", opt.stockPnl());
        number(n, "dividends", opt.dividends());
        ObjectNode exits = n.putObject("exits");
        opt.exits().forEach(exits::put);
        ObjectNode refused = n.putObject("refusals");
        opt.refusals().forEach(refused::put);
        ArrayNode events = n.putArray("events");
        for (org.leverdesk.backtest.OptionResults.Event e : opt.events()) {
            ObjectNode ev = events.addObject();
            ev.put("date", e.date().toString());
            ev.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (e.exit() != null) {
                ev.put("exit", e.exit());
            }
            number(ev, "cash", e.cash());
            ArrayNode legs = ev.putArray("legs");
            for (Fill f : e.legs()) {
                ObjectNode leg = legs.addObject();
                leg.put("symbol", f.symbol());
                leg.put("side", f.side().name());
                leg.put("quantity", f.quantity());
                number(leg, "price", f.price());
            }
        }
        return n;
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
