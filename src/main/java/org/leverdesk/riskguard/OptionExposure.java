package org.leverdesk.riskguard;

/**
 * The account's option exposure now, for the open-risk and net-delta gauges (the stored guard memory does not hold
 * them: the strategy measures them per decision).
 *
 * @param openRisk Σ maximum loss of the open spreads and condors in dollars (a vertical's width × 100 − credit, per
 *                 contract; a condor's wider side)
 * @param netDelta the options' net delta in shares (the legs that could be priced)
 * @param equity   the account's equity the open risk is measured against
 */
public record OptionExposure(double openRisk, double netDelta, double equity) {
}
