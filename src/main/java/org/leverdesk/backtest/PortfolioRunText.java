package org.leverdesk.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.leverdesk.config.OptionsPortfolio;
import org.leverdesk.config.PortfolioAsset;
import org.leverdesk.config.StrategySettings;

/**
 * A mode run in words, the same for the saved run's parameters (so {@code runs}, the run history and the PDF say what
 * it ran on), the CLI's table and the report: the mode, its assets, each strategy's share and parameters, and each
 * strategy's part of the result.
 */
public final class PortfolioRunText {
    private PortfolioRunText() {
    }

    /**
     * The run's record as name → text: {@code mode} (the expansion in words), {@code mode.assets} (the
     * {@code --asset} notation, {@code ;}-separated), {@code mode.weeklyDcaTotal}, {@code mode.capitalShare},
     * {@code mode.days} (the symbol whose trading days drove the replay), and per strategy {@code ID.share},
     * {@code ID.parameters} and {@code ID.result} (its fills, P&L and premium).
     */
    public static Map<String, String> parameters(PortfolioBacktestRequest request, List<StrategyContribution> parts) {
        OptionsPortfolio p = request.portfolio();
        Map<String, String> out = new TreeMap<>();
        out.put("mode", p.describe());
        List<String> specs = new ArrayList<>();
        for (PortfolioAsset a : p.symbols()) {
            specs.add(a.spec());
        }
        out.put("mode.assets", String.join(";", specs));
        out.put("mode.weeklyDcaTotal", plain(p.weeklyDcaTotal()));
        out.put("mode.capitalShare", plain(p.capitalShare()));
        out.put("mode.days", request.daysSymbol());
        for (StrategySettings s : p.expand(List.of())) {
            out.put(s.strategyId() + ".share", plain(s.capitalShare()));
            out.put(s.strategyId() + ".parameters", new TreeMap<>(s.parameters()).toString());
        }
        for (StrategyContribution c : parts) {
            out.put(c.strategyId() + ".result", result(c));
        }
        return out;
    }

    /** "12 fills, P&L $1,234.56 (open $800.00, dividends $12.00), premium collected $900.00, paid $100.00, 1 put assigned". */
    public static String result(StrategyContribution c) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d fills, P&L %s (open positions %s, dividends %s,"
                + " commissions %s)", c.fills(), money(c.pnl()), money(c.openValue()), money(c.dividends()), money(c.commissions())));
        OptionSummary o = c.options();
        if (o.any()) {
            sb.append(String.format(Locale.ROOT, ", %d contracts sold, premium collected %s, paid %s, %d puts assigned,"
                    + " %d calls assigned, %d expired worthless", o.optionsSold(), money(o.premiumCollected()),
                    money(o.premiumPaid()), o.putAssignments(), o.callAssignments(), o.expiredWorthless()));
        }
        return sb.toString();
    }

    /** The per-strategy table printed under the metrics: one row per strategy and the unattributed rest. */
    public static String table(PortfolioRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-14s %7s %-16s %6s %14s %14s %14s %14s%n", "strategy", "share", "symbols",
                "fills", "p&l", "open_value", "premium_in", "premium_out"));
        for (StrategyContribution c : run.contributions()) {
            sb.append(String.format(Locale.ROOT, "%-14s %6.2f%% %-16s %6d %14s %14s %14s %14s%n", c.strategyId(),
                    c.capitalShare() * 100, String.join(",", c.symbols()), c.fills(), money(c.pnl()), money(c.openValue()),
                    money(c.options().premiumCollected()), money(c.options().premiumPaid())));
        }
        // Every fill, dividend and position belongs to a strategy, so this is 0 up to rounding; shown so a reader can see it.
        double rest = run.unattributedPnl();
        sb.append(String.format(Locale.ROOT, "unattributed p&l: %s%n", money(Math.abs(rest) < 0.005 ? 0 : rest)));
        return sb.toString();
    }

    /** The contribution as plain values, for JSON writers (keys in snake case). */
    public static Map<String, Object> values(StrategyContribution c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.strategyId());
        m.put("capital_share", c.capitalShare());
        m.put("symbols", List.copyOf(c.symbols()));
        m.put("fills", c.fills());
        m.put("commissions", c.commissions());
        m.put("dividends", c.dividends());
        m.put("open_value", c.openValue());
        m.put("pnl", c.pnl());
        m.put("contracts_sold", c.options().optionsSold());
        m.put("premium_collected", c.options().premiumCollected());
        m.put("premium_paid", c.options().premiumPaid());
        m.put("option_pnl", c.options().optionPnl());
        m.put("put_assignments", c.options().putAssignments());
        m.put("call_assignments", c.options().callAssignments());
        m.put("expired_worthless", c.options().expiredWorthless());
        return m;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, v < 0 ? "-$%,.2f" : "$%,.2f", Math.abs(v));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
