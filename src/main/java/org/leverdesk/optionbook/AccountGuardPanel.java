package org.leverdesk.optionbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.riskguard.RiskGuardStatus;
import org.leverdesk.riskguard.RiskGuardStatusProvider;
import org.leverdesk.strategy.options.SpreadConfig;

/**
 * The guard panel of one configured option strategy ({@code spreads} or {@code condor}). The limits the
 * RiskGuard keeps memory for (daily and weekly stop, drawdown throttle, trades today, cooldown) are read from the
 * stored guard state through the {@link RiskGuardStatusProvider}: the same figures as {@code leverdesk guard} and
 * the Dashboard, never recomputed here. What only the account and the chain show is added: the open risk
 * (Σ maximum loss of the grouped positions), today's volatility index, the options' net delta and the cash left
 * after collateral. Without a stored status (no store, strategy not enabled) the daily stop falls back to the
 * broker's day P&amp;L and the other memory rows say they are not known.
 */
public final class AccountGuardPanel implements GuardPanelSource {
    static final String NO_MEMORY = "no stored guard memory (no store, or the strategy is not enabled)";
    private final SpreadConfig config;
    private final String strategyId;
    private final RiskGuardStatusProvider statuses;

    /**
     * @param config     the strategy's configured parameters (its limits when no status is stored)
     * @param strategyId the configured strategy whose stored status is read ("spreads", "condor")
     * @param statuses   the stored statuses; null: none
     */
    public AccountGuardPanel(SpreadConfig config, String strategyId, RiskGuardStatusProvider statuses) {
        this.config = config;
        this.strategyId = strategyId;
        this.statuses = statuses;
    }

    /** The panel on {@code config}'s limits alone (no stored memory). */
    public AccountGuardPanel(SpreadConfig config) {
        this(config, null, null);
    }

    private Optional<RiskGuardStatus> status() {
        if (statuses == null || strategyId == null) {
            return Optional.empty();
        }
        return statuses.statuses().stream().filter(s -> s.strategyId().equals(strategyId)).findFirst();
    }

    @Override
    public List<GuardLimit> limits(AccountFigures a, OptionBook.Snapshot book, double index) {
        Optional<RiskGuardStatus> status = status();
        GuardLimits c = status.map(RiskGuardStatus::limits).orElse(config.guard());
        List<GuardLimit> out = new ArrayList<>();
        String daily = c.dailyStop() == 0 ? "off" : money(c.dailyStop());
        if (status.isPresent()) {
            out.add(gauge("daily $ stop", daily, status.get(), "Daily $ stop"));
        } else {
            double dayLoss = Math.max(0, -a.dayProfit());
            out.add(new GuardLimit("daily $ stop", daily, money(dayLoss) + " lost today (broker's day P&L)",
                    GuardLimit.of(dayLoss, c.dailyStop())));
        }
        memory(out, status, "weekly % stop", c.weeklyStopPct() == 0 ? "off" : pct(c.weeklyStopPct()) + " of equity", "Weekly % stop");
        memory(out, status, "drawdown throttle", c.maxDrawdownPct() == 0 ? "off" : pct(c.maxDrawdownPct()) + " from the peak",
                "Drawdown throttle");
        double riskCap = c.maxRiskPct() * a.equity();
        double risk = book.openRisk();
        out.add(new GuardLimit("open risk", pct(c.maxRiskPct()) + " of equity = " + money(riskCap),
                money(risk) + " = " + pct(a.equity() > 0 ? risk / a.equity() : Double.NaN), GuardLimit.of(risk, riskCap)));
        out.add(new GuardLimit("volatility ceiling", String.format(Locale.ROOT, "%.2f", c.vixMax()),
                Double.isFinite(index) ? String.format(Locale.ROOT, "%.2f today", index) : "no index level",
                Double.isFinite(index) ? (index > c.vixMax() ? GuardLimit.State.BLOCKED : index >= 0.9 * c.vixMax()
                        ? GuardLimit.State.NEAR : GuardLimit.State.OK) : GuardLimit.State.UNKNOWN));
        memory(out, status, "trades today", c.maxTradesPerDay() + " a day", "Trades today");
        if (status.isPresent()) {
            RiskGuardStatus s = status.get();
            out.add(new GuardLimit("cooldown", c.cooldownDays() + " days after a stop", text(s, "Cooldown"),
                    s.cooldownUntil() != null ? GuardLimit.State.BLOCKED : GuardLimit.State.OK));
        } else {
            out.add(new GuardLimit("cooldown", c.cooldownDays() + " days after a stop", NO_MEMORY, GuardLimit.State.UNKNOWN));
        }
        out.add(new GuardLimit("direction cap", c.maxNetDelta() == 0 ? "off" : String.format(Locale.ROOT, "±%.0f shares", c.maxNetDelta()),
                String.format(Locale.ROOT, "%+.1f shares", book.netDelta()), GuardLimit.of(Math.abs(book.netDelta()), c.maxNetDelta())));
        double buffer = c.cashBufferPct() * a.equity();
        double free = a.cash() - book.collateral();
        GuardLimit.State cash = free < buffer ? GuardLimit.State.BLOCKED : free < 1.25 * buffer ? GuardLimit.State.NEAR
                : GuardLimit.State.OK;
        out.add(new GuardLimit("cash buffer", pct(c.cashBufferPct()) + " of equity = " + money(buffer),
                money(free) + " free of collateral", cash));
        return out;
    }

    /** A row the guard's stored memory answers, or "not known" without it. */
    private static void memory(List<GuardLimit> out, Optional<RiskGuardStatus> status, String name, String limit, String gauge) {
        out.add(status.map(s -> gauge(name, limit, s, gauge)).orElse(new GuardLimit(name, limit, NO_MEMORY, GuardLimit.State.UNKNOWN)));
    }

    /** The stored gauge's text and state (its fraction of the limit: 80% near, 100% blocked; off is OK). */
    private static GuardLimit gauge(String name, String limit, RiskGuardStatus s, String gaugeName) {
        RiskGuardStatus.Gauge g = s.gauges().stream().filter(x -> x.name().equals(gaugeName)).findFirst().orElseThrow();
        GuardLimit.State state = !g.on() ? GuardLimit.State.OK : g.fraction() >= 1 - 1e-12 ? GuardLimit.State.BLOCKED
                : g.fraction() >= 0.8 ? GuardLimit.State.NEAR : GuardLimit.State.OK;
        return new GuardLimit(name, limit, g.text(), state);
    }

    private static String text(RiskGuardStatus s, String gaugeName) {
        return s.gauges().stream().filter(x -> x.name().equals(gaugeName)).findFirst().map(RiskGuardStatus.Gauge::text).orElse("");
    }

    private static String money(double v) {
        return String.format(Locale.US, "%s$%,.2f", v < 0 ? "-" : "", Math.abs(v));
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "—";
    }
}
