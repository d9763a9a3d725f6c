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
    /** The words of the risk step's denial of an order that would net against another strategy's contract (record 0031). */
    public static final String CROSSING = "would net against it in the account";

    private PortfolioRunText() {
    }

    /**
     * The run's record as name → text: {@code mode} (the expansion in words), {@code mode.assets} (the
     * {@code --asset} notation, {@code ;}-separated), {@code mode.weeklyDcaTotal}, {@code mode.capitalShare},
     * {@code mode.days} (the symbol whose trading days drove the replay), and per strategy {@code ID.share},
     * {@code ID.parameters}, {@code ID.result} (its fills and P&L) and, when it traded options, {@code ID.premium}.
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
            if (c.options().any()) {
                out.put(c.strategyId() + ".premium", premium(c));
            }
        }
        return out;
    }

    /** "50 fills, P&L $42,610.05 (open positions $87,842.46)": short enough for the report's line. */
    public static String result(StrategyContribution c) {
        return String.format(Locale.ROOT, "%d fills, P&L %s (open positions %s)", c.fills(), money(c.pnl()), money(c.openValue()));
    }

    /** "140 sold, $28,430.00 in, $0.00 out, 12 put / 12 call assigned, 116 expired"; empty when it traded no option. */
    public static String premium(StrategyContribution c) {
        OptionSummary o = c.options();
        return o.any() ? String.format(Locale.ROOT, "%d sold, %s in, %s out, %d put / %d call assigned, %d expired",
                o.optionsSold(), money(o.premiumCollected()), money(o.premiumPaid()), o.putAssignments(), o.callAssignments(),
                o.expiredWorthless()) : "";
    }

    /** "Mode balanced (dca 40%, wheel 60%)": the run's name in tables and the report's title. */
    public static String name(OptionsPortfolio p) {
        List<String> parts = new ArrayList<>();
        for (StrategySettings s : p.expand(List.of())) {
            parts.add(s.strategyId() + " " + plain(Math.round(s.capitalShare() * 1_000_000) / 10_000.0) + "%");
        }
        return "Mode " + p.mode().label() + " (" + String.join(", ", parts) + ")";
    }

    /** The per-strategy table printed under the metrics: one row per strategy and the unattributed rest. */
    public static String table(OptionsPortfolio p, PortfolioRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("mode: ").append(p.describe()).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%-14s %7s %-16s %6s %14s %14s %14s %14s%n", "strategy", "share", "symbols",
                "fills", "p&l", "open_value", "premium_in", "premium_out"));
        for (StrategyContribution c : run.contributions()) {
            sb.append(String.format(Locale.ROOT, "%-14s %6.2f%% %-16s %6d %14s %14s %14s %14s%n", c.strategyId(),
                    c.capitalShare() * 100, String.join(",", c.symbols()), c.fills(), money(c.pnl()), money(c.openValue()),
                    money(c.options().premiumCollected()), money(c.options().premiumPaid())));
        }
        // Every fill, dividend and position belongs to a strategy, so this is 0 up to the cents of the open positions' values.
        double rest = run.unattributedPnl();
        sb.append(String.format(Locale.ROOT, "unattributed p&l: %s%n", money(Math.abs(rest) < 0.005 ? 0 : rest)));
        long crossing = run.denials().stream().filter(d -> d.contains(CROSSING)).count();
        if (!run.denials().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "risk step: %d order(s) denied, %d of them netting against another strategy's"
                    + " contract%n", run.denials().size(), crossing));
        }
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
