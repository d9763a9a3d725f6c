package org.leverdesk.strategy.options;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leverdesk.domain.GateResult;

/**
 * Seed 003's RiskGuard (v6/v10) for one new defined-risk position: every limit is a named gate with its inputs
 * and reason, so a denial is journalled with the decision that was denied. Pure: the strategy gives it the
 * numbers. Limits: daily $ stop, weekly % stop, drawdown throttle, cooldown after a stop, max trades per day,
 * volatility-index ceiling, max open risk % of equity (a spread's risk = width × 100 − credit per contract),
 * direction cap (|net delta| in shares), cash buffer %.
 */
public final class SpreadGuard {
    private SpreadGuard() {
    }

    /** What the guard checks one entry against. */
    public record Inputs(LocalDate today, double equity, double peakEquity, double previousEquity, double weekStartEquity,
                         LocalDate lastStop, int tradesToday, double volatilityIndex, double openRisk, double newRisk,
                         double netDeltaAfter, double freeCashAfter) {
    }

    /** Every limit's gate for {@code in}; the entry may be made only when all pass. */
    public static List<GateResult> check(SpreadConfig c, Inputs in) {
        List<GateResult> g = new ArrayList<>();
        double dayLoss = in.previousEquity() - in.equity();
        g.add(c.dailyStop() == 0 || dayLoss < c.dailyStop()
                ? GateResult.pass("daily stop", money(dayLoss) + " lost < " + money(c.dailyStop()), "within the day's loss limit")
                : GateResult.fail("daily stop", money(dayLoss) + " lost >= " + money(c.dailyStop()),
                "daily $ stop: the equity fell " + money(dayLoss) + " since the previous decision"));
        double weekLoss = in.weekStartEquity() > 0 ? (in.weekStartEquity() - in.equity()) / in.weekStartEquity() : 0;
        g.add(c.weeklyStopPct() == 0 || weekLoss < c.weeklyStopPct() - 1e-12
                ? GateResult.pass("weekly stop", pct(weekLoss) + " < " + pct(c.weeklyStopPct()), "within the week's loss limit")
                : GateResult.fail("weekly stop", pct(weekLoss) + " >= " + pct(c.weeklyStopPct()),
                "weekly % stop: the equity fell " + pct(weekLoss) + " this week"));
        double drawdown = in.peakEquity() > 0 ? 1 - in.equity() / in.peakEquity() : 0;
        g.add(c.maxDrawdownPct() == 0 || drawdown < c.maxDrawdownPct() - 1e-12
                ? GateResult.pass("drawdown throttle", pct(drawdown) + " < " + pct(c.maxDrawdownPct()), "below the drawdown cap")
                : GateResult.fail("drawdown throttle", pct(drawdown) + " >= " + pct(c.maxDrawdownPct()),
                "drawdown throttle: " + pct(drawdown) + " below the equity's peak " + money(in.peakEquity())));
        long sinceStop = in.lastStop() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(in.lastStop(), in.today());
        g.add(sinceStop >= c.cooldownDays()
                ? GateResult.pass("cooldown", in.lastStop() == null ? "no stop" : "stop on " + in.lastStop(), "no cooldown running")
                : GateResult.fail("cooldown", "stop on " + in.lastStop(), "cooldown: " + sinceStop + " of " + c.cooldownDays()
                + " days since the stop exit of " + in.lastStop()));
        g.add(in.tradesToday() < c.maxTradesPerDay()
                ? GateResult.pass("trades per day", in.tradesToday() + " < " + c.maxTradesPerDay(), "room for one more")
                : GateResult.fail("trades per day", in.tradesToday() + " >= " + c.maxTradesPerDay(),
                "max trades per day: " + in.tradesToday() + " today already"));
        g.add(in.volatilityIndex() <= c.vixMax()
                ? GateResult.pass("volatility ceiling", num(in.volatilityIndex()) + " <= " + num(c.vixMax()), "index below the ceiling")
                : GateResult.fail("volatility ceiling", num(in.volatilityIndex()) + " > " + num(c.vixMax()),
                "VIX/VXN ceiling: the index is at " + num(in.volatilityIndex())));
        double riskCap = c.maxRiskPct() * in.equity();
        g.add(in.openRisk() + in.newRisk() <= riskCap + 1e-6
                ? GateResult.pass("max open risk", money(in.openRisk()) + " + " + money(in.newRisk()) + " <= " + money(riskCap),
                "within " + pct(c.maxRiskPct()) + " of the equity")
                : GateResult.fail("max open risk", money(in.openRisk()) + " + " + money(in.newRisk()) + " > " + money(riskCap),
                "max open risk: " + money(in.openRisk()) + " open + " + money(in.newRisk()) + " new exceeds " + pct(c.maxRiskPct())
                        + " of the equity"));
        g.add(c.maxNetDelta() == 0 || Math.abs(in.netDeltaAfter()) <= c.maxNetDelta()
                ? GateResult.pass("direction cap", num(in.netDeltaAfter()) + " within ±" + num(c.maxNetDelta()), "net delta within the cap")
                : GateResult.fail("direction cap", num(in.netDeltaAfter()) + " beyond ±" + num(c.maxNetDelta()),
                "direction cap: the options' net delta would be " + num(in.netDeltaAfter()) + " shares"));
        double buffer = c.cashBufferPct() * in.equity();
        g.add(in.freeCashAfter() >= buffer - 1e-6
                ? GateResult.pass("cash buffer", money(in.freeCashAfter()) + " >= " + money(buffer), "the buffer stays free")
                : GateResult.fail("cash buffer", money(in.freeCashAfter()) + " < " + money(buffer),
                "cash buffer: " + money(in.freeCashAfter()) + " would stay free of collateral, under " + pct(c.cashBufferPct())
                        + " of the equity"));
        return g;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
