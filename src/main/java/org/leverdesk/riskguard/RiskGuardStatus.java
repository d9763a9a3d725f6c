package org.leverdesk.riskguard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One strategy's RiskGuard at a glance, read-only (the Dashboard's banner and gauges, the CLI's {@code guard},
 * the Options view): the level, a one-line headline, the cooldown's end and each limit's use.
 *
 * @param level         OK; REDUCING (drawdown throttle or the day's trades reached: exits only); HALTED (the daily
 *                      or weekly stop: no new position today / this week); COOLING_DOWN (after a stop exit)
 * @param cooldownUntil the first day new positions are allowed again after a stop, null when no cooldown runs
 */
public record RiskGuardStatus(String strategyId, Level level, String headline, LocalDate cooldownUntil, List<Gauge> gauges,
                              GuardLimits limits, GuardState state) {
    /** The banner's state. */
    public enum Level { OK, REDUCING, HALTED, COOLING_DOWN }

    /**
     * One limit's use: {@code used} of {@code limit} (both in the limit's unit), {@code text} as shown. A limit
     * that is off has {@code limit} 0.
     */
    public record Gauge(String name, double used, double limit, String text) {
        /** used ÷ limit, 0 when the limit is off; 1 or more means the limit is reached. */
        public double fraction() {
            return limit > 0 ? Math.max(0, used) / limit : 0;
        }

        public boolean on() {
            return limit > 0;
        }
    }

    public RiskGuardStatus {
        gauges = List.copyOf(gauges);
    }

    /**
     * The status of {@code strategyId} on {@code today} from its stored state; {@code dayTradesInWindow} the day
     * trades of the last 5 sessions.
     */
    public static RiskGuardStatus of(String strategyId, GuardLimits l, GuardState s, LocalDate today, int dayTradesInWindow) {
        boolean current = s.lastDay() != null && s.lastDay().equals(today);
        List<Gauge> g = new ArrayList<>();
        double dayLoss = current ? s.dayLoss() : 0;
        g.add(new Gauge("Daily $ stop", dayLoss, l.dailyStop(), RiskGuard.money(Math.max(0, dayLoss)) + " of "
                + RiskGuard.money(l.dailyStop())));
        double weekLoss = s.lastDay() != null ? s.weekLoss() : 0;
        g.add(new Gauge("Weekly % stop", weekLoss, l.weeklyStopPct(), RiskGuard.pct(Math.max(0, weekLoss)) + " of "
                + RiskGuard.pct(l.weeklyStopPct())));
        g.add(new Gauge("Drawdown throttle", s.drawdown(), l.maxDrawdownPct(), RiskGuard.pct(s.drawdown()) + " of "
                + RiskGuard.pct(l.maxDrawdownPct())));
        int trades = current ? s.tradesToday() : 0;
        g.add(new Gauge("Trades today", trades, l.maxTradesPerDay(), trades + " of " + l.maxTradesPerDay()));
        boolean counted = s.lastEquity() < l.dayTradeEquity();
        g.add(new Gauge("Day trades (5 sessions)", dayTradesInWindow, counted ? l.maxDayTrades() : 0, dayTradesInWindow + " of "
                + l.maxDayTrades() + (counted ? "" : " (not counted from " + RiskGuard.money(l.dayTradeEquity()) + ")")));
        LocalDate until = s.lastStop() == null || l.cooldownDays() == 0 ? null : s.lastStop().plusDays(l.cooldownDays());
        if (until != null && !today.isBefore(until)) {
            until = null;
        }
        long cooling = until == null ? 0 : l.cooldownDays() - ChronoUnit.DAYS.between(today, until);
        g.add(new Gauge("Cooldown", cooling, until == null ? 0 : l.cooldownDays(), until == null ? "none"
                : "until " + until));

        List<String> halted = new ArrayList<>();
        if (l.dailyStop() > 0 && dayLoss >= l.dailyStop()) {
            halted.add("daily $ stop");
        }
        if (l.weeklyStopPct() > 0 && weekLoss >= l.weeklyStopPct() - 1e-12) {
            halted.add("weekly % stop");
        }
        List<String> reducing = new ArrayList<>();
        if (l.maxDrawdownPct() > 0 && s.drawdown() >= l.maxDrawdownPct() - 1e-12) {
            reducing.add("drawdown throttle");
        }
        if (l.maxTradesPerDay() > 0 && trades >= l.maxTradesPerDay()) {
            reducing.add("trades per day");
        }
        Level level;
        String headline;
        if (!halted.isEmpty()) {
            level = Level.HALTED;
            headline = "HALTED by the " + String.join(" and the ", halted) + ": no new position, exits only";
        } else if (!reducing.isEmpty()) {
            level = Level.REDUCING;
            headline = "REDUCING: " + String.join(" and ", reducing) + " reached, exits only";
        } else if (until != null) {
            level = Level.COOLING_DOWN;
            headline = "cooling down until " + until + " after the stop exit of " + s.lastStop();
        } else {
            level = Level.OK;
            headline = s.lastDay() == null ? "OK: no decision yet" : "OK: every limit has room";
        }
        return new RiskGuardStatus(strategyId, level, headline, until, g, l, s);
    }

    /**
     * This status with the account's open-risk and net-delta gauges added: open risk against maxRiskPct × equity
     * (off when maxRiskPct is 1) and |net delta| against maxNetDelta (off at 0).
     */
    public RiskGuardStatus withExposure(OptionExposure e) {
        List<Gauge> g = new ArrayList<>(gauges);
        double cap = limits.maxRiskPct() < 1 ? limits.maxRiskPct() * e.equity() : 0;
        g.add(new Gauge("Open risk", e.openRisk(), cap, RiskGuard.money(e.openRisk()) + " = "
                + (e.equity() > 0 ? RiskGuard.pct(e.openRisk() / e.equity()) : "—") + " of " + RiskGuard.money(e.equity())
                + " equity; limit " + (cap > 0 ? RiskGuard.pct(limits.maxRiskPct()) + " = " + RiskGuard.money(cap) : "off")));
        g.add(new Gauge("Net delta", Math.abs(e.netDelta()), limits.maxNetDelta(), String.format(Locale.ROOT, "%+.1f shares of %s",
                e.netDelta(), limits.maxNetDelta() > 0 ? String.format(Locale.ROOT, "±%.0f", limits.maxNetDelta()) : "no cap")));
        return new RiskGuardStatus(strategyId, level, headline, cooldownUntil, g, limits, state);
    }

    /** The status as lines of text (the CLI's {@code guard}, chat). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(strategyId + ": " + headline);
        for (Gauge gauge : gauges) {
            out.add(String.format(Locale.ROOT, "  %-24s %s%s", gauge.name(), gauge.text(),
                    gauge.on() ? String.format(Locale.ROOT, " (%.0f%%)", gauge.fraction() * 100) : ""));
        }
        out.add("  margin policy: " + limits.marginPolicy().text() + (state.lastDay() == null ? ""
                : "; last decision " + state.lastDay() + " at " + RiskGuard.money(state.lastEquity()) + ", peak "
                + RiskGuard.money(state.peakEquity())));
        return out;
    }
}
