package org.leverdesk.strategy.rotation;

import java.util.Map;

/**
 * The portfolio manager's rule: follow the sleeve with the highest NAV (seed 004) or, with
 * {@code selection = MOMENTUM}, the highest NAV change over {@code momentumDays} (ties go to the
 * earlier sleeve in BUY_HOLD, TACTICAL, SPEC, ASYM order). When that sleeve's NAV is more than
 * {@code maxDrawdown} below its peak, move to BUY_HOLD or to cash ({@code fallback}).
 */
public final class PortfolioManager {
    private final RotationConfig config;

    public PortfolioManager(RotationConfig config) {
        this.config = config;
    }

    /** The chosen sleeve (null = cash) and a one-line reason. */
    public record Choice(Sleeve sleeve, String why) {
    }

    /** The sleeve to follow (null = cash) and why. */
    public Choice choose(Map<Sleeve, RotationAnalysis.SleeveResult> results) {
        boolean momentum = config.selection() == RotationConfig.Selection.MOMENTUM;
        if (momentum && results.values().stream().allMatch(r -> Double.isNaN(r.momentum()))) {
            momentum = false; // the window is shorter than the momentum look-back (the first weeks of data)
        }
        Sleeve best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        StringBuilder all = new StringBuilder();
        for (Sleeve sl : Sleeve.values()) {
            RotationAnalysis.SleeveResult r = results.get(sl);
            double v = momentum ? r.momentum() : r.lastNav();
            if (all.length() > 0) {
                all.append(", ");
            }
            all.append(sl).append(' ').append(momentum ? RotationAnalyzer.pct(v) : RotationAnalyzer.money(v));
            if (!Double.isNaN(v) && v > bestValue) {
                bestValue = v;
                best = sl;
            }
        }
        String why = best + " has the highest " + (momentum ? config.momentumDays() + "-day NAV momentum" : "NAV")
                + " (" + all + ")";
        if (config.selection() == RotationConfig.Selection.MOMENTUM && !momentum) {
            why += "; fewer than " + config.momentumDays() + " days of NAV, so chosen by NAV";
        }
        double dd = results.get(best).drawdown();
        if (dd > config.maxDrawdown()) {
            String limit = RotationAnalyzer.pct(config.maxDrawdown());
            if (config.fallback() == RotationConfig.Fallback.CASH) {
                return new Choice(null, why + "; its drawdown " + RotationAnalyzer.pct(dd) + " from its peak exceeds " + limit + ", so the manager holds cash");
            }
            if (best != Sleeve.BUY_HOLD) {
                return new Choice(Sleeve.BUY_HOLD, why + "; its drawdown " + RotationAnalyzer.pct(dd) + " from its peak exceeds " + limit
                        + ", so the manager moves to BUY_HOLD");
            }
            why += "; its drawdown " + RotationAnalyzer.pct(dd) + " exceeds " + limit + " but it already is the BUY_HOLD fallback";
        }
        return new Choice(best, why);
    }

}
