package org.leverdesk.ui.backtest;

/** Drawdown of an equity curve for charting. */
final class Drawdowns {
    private Drawdowns() {
    }

    /**
     * Percent below the running peak at each point: 0 at a new high, -25 when a quarter below it.
     * Values that are not finite or not positive keep the previous drawdown, so one bad point does
     * not draw a spike.
     */
    static double[] percent(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NaN;
        double last = 0;
        for (int i = 0; i < equity.length; i++) {
            double e = equity[i];
            if (Double.isFinite(e) && e > 0) {
                if (!(e <= peak)) {
                    peak = e;
                }
                last = (e / peak - 1) * 100;
            }
            dd[i] = last;
        }
        return dd;
    }
}
