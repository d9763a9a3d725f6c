package org.leverdesk.app.cli;

import java.util.Locale;
import java.util.function.Function;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.metrics.Metrics;

/** The side-by-side text table of strategy and buy-and-hold metrics printed by {@code backtest}. */
final class MetricsTable {
    private MetricsTable() {
    }

    static String of(BacktestResult r, String strategyName) {
        StringBuilder sb = new StringBuilder();
        var c = r.config();
        sb.append(String.format(Locale.ROOT, "%s on %s, %s .. %s, capital $%,.2f, data: %s%n", strategyName, r.symbol(),
                r.equity().get(0).date(), r.equity().get(r.equity().size() - 1).date(), c.capital(), r.dataSource()));
        sb.append(String.format(Locale.ROOT, "%-20s %16s %16s%n", "metric", "strategy", "buy & hold " + c.benchmarkSymbol()));
        Metrics s = r.metrics();
        Metrics b = r.benchmarkMetrics();
        row(sb, "total_return", s, b, m -> pct(m.totalReturn()));
        row(sb, "cagr", s, b, m -> pct(m.cagr()));
        row(sb, "annual_volatility", s, b, m -> pct(m.annualVolatility()));
        row(sb, "sharpe", s, b, m -> num(m.sharpe()));
        row(sb, "sortino", s, b, m -> num(m.sortino()));
        row(sb, "max_drawdown", s, b, m -> pct(m.maxDrawdown()));
        row(sb, "max_dd_peak", s, b, m -> m.maxDrawdownPeak() == null ? "-" : m.maxDrawdownPeak().toString());
        row(sb, "max_dd_trough", s, b, m -> m.maxDrawdownTrough() == null ? "-" : m.maxDrawdownTrough().toString());
        row(sb, "calmar", s, b, m -> num(m.calmar()));
        row(sb, "trades", s, b, m -> Integer.toString(m.trades()));
        row(sb, "win_rate", s, b, m -> pct(m.winRate()));
        row(sb, "profit_factor", s, b, m -> num(m.profitFactor()));
        row(sb, "avg_win", s, b, m -> money(m.avgWin()));
        row(sb, "avg_loss", s, b, m -> money(m.avgLoss()));
        row(sb, "exposure", s, b, m -> pct(m.exposure()));
        row(sb, "final_equity", s, b, m -> money(m.finalEquity()));
        riskOffExposure(r).ifPresent(line -> sb.append(line).append(System.lineSeparator()));
        org.leverdesk.backtest.OptionResults opt = org.leverdesk.backtest.OptionResults.of(r);
        if (opt.any()) {
            org.leverdesk.backtest.OptionSummary o = opt.summary();
            sb.append(String.format(Locale.ROOT, "options: %d contracts sold, premium collected %s, paid %s, option P&L %s;"
                            + " %d puts assigned, %d calls assigned (called away), %d expired worthless%n", o.optionsSold(),
                    money(o.premiumCollected()), money(o.premiumPaid()), money(o.optionPnl()), o.putAssignments(),
                    o.callAssignments(), o.expiredWorthless()));
            sb.append("P&L split: ").append(opt.splitLine()).append(System.lineSeparator());
            int opened = opt.count(org.leverdesk.backtest.OptionResults.Kind.SPREAD_OPENED);
            if (opened > 0) {
                sb.append(String.format(Locale.ROOT, "spreads: %d opened, %d closed by an exit (%s)%n", opened,
                        opt.exits().values().stream().mapToInt(Integer::intValue).sum(),
                        opt.exits().isEmpty() ? "none" : opt.exitsLine()));
            }
            if (!opt.refusals().isEmpty()) {
                sb.append("entries refused, days by gate: ").append(opt.refusalsLine(6)).append(System.lineSeparator());
            }
        }
        sb.append("Dividends are not credited to the strategy (prices are split-adjusted closes); the benchmark uses the"
                + " total-return series.").append(System.lineSeparator());
        return sb.toString();
    }

    /**
     * Seed 000's promise, checked on the run itself: no position at the close of any day whose
     * confirmed regime was RISK_OFF or BREAKDOWN. Only for runs whose decisions carry a regime.
     */
    static java.util.Optional<String> riskOffExposure(BacktestResult r) {
        int riskOffDays = 0;
        int exposedDays = 0;
        var decisions = r.decisions();
        for (int i = 0; i < decisions.size() && i < r.equity().size(); i++) {
            String label = decisions.get(i).explanation().regime();
            if (label == null) {
                continue;
            }
            boolean riskOff;
            try {
                riskOff = org.leverdesk.strategy.regime.Regime.valueOf(label).isRiskOff();
            } catch (IllegalArgumentException notARegime) {
                continue;
            }
            if (riskOff) {
                riskOffDays++;
                if (r.equity().get(i).positionValue() != 0) {
                    exposedDays++;
                }
            }
        }
        if (riskOffDays == 0 && decisions.stream().allMatch(d -> d.explanation().regime() == null)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT,
                "Days ending with a position while the confirmed regime was RISK_OFF or BREAKDOWN: %d of %d%s",
                exposedDays, riskOffDays, exposedDays == 0 ? " (the seed's promise holds)" : " (PROMISE BROKEN)"));
    }

    private static void row(StringBuilder sb, String name, Metrics s, Metrics b, Function<Metrics, String> f) {
        sb.append(String.format(Locale.ROOT, "%-20s %16s %16s%n", name, f.apply(s), b == null ? "-" : f.apply(b)));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "$%,.2f", v);
    }
}
