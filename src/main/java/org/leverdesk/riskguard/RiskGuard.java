package org.leverdesk.riskguard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.leverdesk.domain.GateResult;

/**
 * Seed 003's RiskGuard (v6/v10): the one rule set every strategy's new positions pass, each limit a named gate
 * with its inputs and its reason (a denial is journalled with that reason). Pure: the decision cycle (account
 * limits, for every strategy) and the spread strategy (position limits, which it sizes to) give it the numbers.
 * Exits are never checked here but for the broker's day-trade count, which a stop exit ignores.
 */
public final class RiskGuard {
    private RiskGuard() {
    }

    /** What one new position (or order) adds: its maximum loss, the net delta and the free cash after it. */
    public record Position(double volatilityIndex, double openRisk, double newRisk, double netDeltaAfter, double freeCashAfter) {
    }

    /**
     * The account limits for a new position: daily $ stop, weekly % stop, drawdown throttle, cooldown after a
     * stop, trades per day. {@code tradesToday} counts the trades already made today, this decision's exits too.
     */
    public static List<GateResult> account(GuardLimits c, GuardState s, LocalDate today, int tradesToday) {
        List<GateResult> g = new ArrayList<>();
        double dayLoss = s.dayLoss();
        g.add(c.dailyStop() == 0 || dayLoss < c.dailyStop()
                ? GateResult.pass("daily stop", money(dayLoss) + " lost < " + money(c.dailyStop()), "within the day's loss limit")
                : GateResult.fail("daily stop", money(dayLoss) + " lost >= " + money(c.dailyStop()),
                "daily $ stop: the equity fell " + money(dayLoss) + " since the previous decision"));
        double weekLoss = s.weekLoss();
        g.add(c.weeklyStopPct() == 0 || weekLoss < c.weeklyStopPct() - 1e-12
                ? GateResult.pass("weekly stop", pct(weekLoss) + " < " + pct(c.weeklyStopPct()), "within the week's loss limit")
                : GateResult.fail("weekly stop", pct(weekLoss) + " >= " + pct(c.weeklyStopPct()),
                "weekly % stop: the equity fell " + pct(weekLoss) + " this week"));
        double drawdown = s.drawdown();
        g.add(c.maxDrawdownPct() == 0 || drawdown < c.maxDrawdownPct() - 1e-12
                ? GateResult.pass("drawdown throttle", pct(drawdown) + " < " + pct(c.maxDrawdownPct()), "below the drawdown cap")
                : GateResult.fail("drawdown throttle", pct(drawdown) + " >= " + pct(c.maxDrawdownPct()),
                "drawdown throttle: " + pct(drawdown) + " below the equity's peak " + money(s.peakEquity())));
        LocalDate lastStop = s.lastStop();
        long sinceStop = lastStop == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(lastStop, today);
        g.add(sinceStop >= c.cooldownDays()
                ? GateResult.pass("cooldown", lastStop == null ? "no stop" : "stop on " + lastStop, "no cooldown running")
                : GateResult.fail("cooldown", "stop on " + lastStop, "cooldown: " + sinceStop + " of " + c.cooldownDays()
                + " days since the stop exit of " + lastStop));
        g.add(c.maxTradesPerDay() == 0 || tradesToday < c.maxTradesPerDay()
                ? GateResult.pass("trades per day", tradesToday + " < " + c.maxTradesPerDay(), "room for one more")
                : GateResult.fail("trades per day", tradesToday + " >= " + c.maxTradesPerDay(),
                "max trades per day: " + tradesToday + " today already"));
        return g;
    }

    /**
     * The position limits for a new position: volatility-index ceiling, max open risk % of the equity, direction
     * cap, cash buffer. A spread's risk is width × 100 − credit per contract; a share position's is its value
     * down to its protective stop, the whole value without one (a share can fall to zero).
     */
    public static List<GateResult> position(GuardLimits c, double equity, Position p) {
        List<GateResult> g = new ArrayList<>();
        g.add(c.vixMax() == 0 || p.volatilityIndex() <= c.vixMax()
                ? GateResult.pass("volatility ceiling", num(p.volatilityIndex()) + " <= " + num(c.vixMax()), "index below the ceiling")
                : GateResult.fail("volatility ceiling", num(p.volatilityIndex()) + " > " + num(c.vixMax()),
                "VIX/VXN ceiling: the index is at " + num(p.volatilityIndex())));
        double riskCap = c.maxRiskPct() * equity;
        g.add(c.maxRiskPct() >= 1 || p.openRisk() + p.newRisk() <= riskCap + 1e-6
                ? GateResult.pass("max open risk", money(p.openRisk()) + " + " + money(p.newRisk()) + " <= " + money(riskCap),
                "within " + pct(c.maxRiskPct()) + " of the equity")
                : GateResult.fail("max open risk", money(p.openRisk()) + " + " + money(p.newRisk()) + " > " + money(riskCap),
                "max open risk: " + money(p.openRisk()) + " open + " + money(p.newRisk()) + " new exceeds " + pct(c.maxRiskPct())
                        + " of the equity"));
        g.add(c.maxNetDelta() == 0 || Math.abs(p.netDeltaAfter()) <= c.maxNetDelta()
                ? GateResult.pass("direction cap", num(p.netDeltaAfter()) + " within ±" + num(c.maxNetDelta()), "net delta within the cap")
                : GateResult.fail("direction cap", num(p.netDeltaAfter()) + " beyond ±" + num(c.maxNetDelta()),
                "direction cap: the net delta would be " + num(p.netDeltaAfter()) + " shares"));
        double buffer = c.cashBufferPct() * equity;
        g.add(p.freeCashAfter() >= buffer - 1e-6
                ? GateResult.pass("cash buffer", money(p.freeCashAfter()) + " >= " + money(buffer), "the buffer stays free")
                : GateResult.fail("cash buffer", money(p.freeCashAfter()) + " < " + money(buffer),
                "cash buffer: " + money(p.freeCashAfter()) + " would stay free of collateral, under " + pct(c.cashBufferPct())
                        + " of the equity"));
        return g;
    }

    /**
     * The broker's pattern-day-trader rule for a close of a position opened today: denied (empty when allowed)
     * when the equity is under {@code dayTradeEquity} and {@code dayTradesInWindow} (the last 5 sessions')
     * already reached the limit, unless it is a stop exit.
     */
    public static Optional<String> dayTrade(GuardLimits c, double equity, int dayTradesInWindow, boolean stop, String what) {
        if (stop || equity >= c.dayTradeEquity() || dayTradesInWindow < c.maxDayTrades()) {
            return Optional.empty();
        }
        return Optional.of("day-trade limit: closing " + what + " opened today would be day trade " + (dayTradesInWindow + 1)
                + " in 5 sessions with the equity " + money(equity) + " under " + money(c.dayTradeEquity())
                + " (the broker refuses it: Alpaca answers 403); left for the next session, a stop exit still closes it");
    }

    /**
     * The cash-only preflight: a one-line refusal when {@code policy} does not allow trading on a margin account
     * and the broker reports one.
     */
    public static Optional<String> margin(GuardLimits c, boolean marginAccount, String accountId, boolean opening) {
        if (!marginAccount || c.marginPolicy() == MarginPolicy.ALLOW) {
            return Optional.empty();
        }
        if (c.marginPolicy() == MarginPolicy.CASH_ONLY && !opening) {
            return Optional.empty();
        }
        return Optional.of("margin policy " + c.marginPolicy().text() + ": account " + accountId + " is a margin account;"
                + " switch it to a cash account (Alpaca: set the multiplier to 1 under Account configurations) or set the"
                + " strategy's parameter marginPolicy=allow");
    }

    static String money(double v) {
        return String.format(Locale.ROOT, v < 0 ? "-$%,.2f" : "$%,.2f", Math.abs(v));
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
