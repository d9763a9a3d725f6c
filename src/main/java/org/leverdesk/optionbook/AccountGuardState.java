package org.leverdesk.optionbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leverdesk.riskguard.GuardLimits;
import org.leverdesk.strategy.options.SpreadConfig;

/**
 * The {@link org.leverdesk.riskguard.RiskGuard} limits of a {@link SpreadConfig} with the use the account
 * shows now: the day's loss (the broker's day P&amp;L), the open risk (Σ maximum loss of the grouped positions),
 * today's volatility index, the options' net delta and the cash left after collateral. The weekly stop, the
 * cooldown and today's trades live in the strategy's memory (kept per run, see {@code SpreadStrategy}); they are
 * shown as not known here until the account-wide risk engine provides them through {@link GuardState}.
 */
public final class AccountGuardState implements GuardState {
    static final String IN_STRATEGY = "kept by the running strategy; not readable from the account";
    private final SpreadConfig config;

    public AccountGuardState(SpreadConfig config) {
        this.config = config;
    }

    @Override
    public List<GuardLimit> limits(AccountFigures a, OptionBook.Snapshot book, double index) {
        GuardLimits c = config.guard();
        List<GuardLimit> out = new ArrayList<>();
        double dayLoss = Math.max(0, -a.dayProfit());
        out.add(new GuardLimit("daily $ stop", c.dailyStop() == 0 ? "off" : money(c.dailyStop()),
                money(dayLoss) + " lost today", GuardLimit.of(dayLoss, c.dailyStop())));
        out.add(new GuardLimit("weekly % stop", c.weeklyStopPct() == 0 ? "off" : pct(c.weeklyStopPct()) + " of equity",
                IN_STRATEGY, GuardLimit.State.UNKNOWN));
        double riskCap = c.maxRiskPct() * a.equity();
        double risk = book.openRisk();
        out.add(new GuardLimit("open risk", pct(c.maxRiskPct()) + " of equity = " + money(riskCap),
                money(risk) + " = " + pct(a.equity() > 0 ? risk / a.equity() : Double.NaN), GuardLimit.of(risk, riskCap)));
        out.add(new GuardLimit("volatility ceiling", String.format(Locale.ROOT, "%.2f", c.vixMax()),
                Double.isFinite(index) ? String.format(Locale.ROOT, "%.2f today", index) : "no index level",
                Double.isFinite(index) ? (index > c.vixMax() ? GuardLimit.State.BLOCKED : index >= 0.9 * c.vixMax()
                        ? GuardLimit.State.NEAR : GuardLimit.State.OK) : GuardLimit.State.UNKNOWN));
        out.add(new GuardLimit("trades today", c.maxTradesPerDay() + " a day", IN_STRATEGY, GuardLimit.State.UNKNOWN));
        out.add(new GuardLimit("cooldown", c.cooldownDays() + " days after a stop", IN_STRATEGY, GuardLimit.State.UNKNOWN));
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

    private static String money(double v) {
        return String.format(Locale.US, "%s$%,.2f", v < 0 ? "-" : "", Math.abs(v));
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "—";
    }
}
