package org.leverdesk.strategy.regime;

/** The five market regimes of QQQ that size the TQQQ position (seed 000). */
public enum Regime {
    STRONG_BULL, BULL, CAUTIOUS, RISK_OFF, BREAKDOWN;

    /** True for the regimes that demand zero exposure and switch in at once (emergency). */
    public boolean isRiskOff() {
        return this == RISK_OFF || this == BREAKDOWN;
    }
}
