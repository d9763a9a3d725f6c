package org.leverdesk.market.demo;

/**
 * Derives a daily-reset leveraged ETF from its index: each day's move from the previous close is
 * {@code leverage} times the index's move minus the expense ratio accrued for one day. Open, high
 * and low follow the same mapping from the index's open, high and low, so the bar stays consistent;
 * for inverse funds the index's high becomes the fund's low.
 */
final class LeveragedEtf {
    private LeveragedEtf() {
    }

    /**
     * The leveraged series, starting from a virtual previous close of {@code startClose}. The fund
     * pays no distributions, so adj_close equals close.
     */
    static OhlcArrays derive(OhlcArrays index, double indexStartClose, double leverage, double expenseRatio,
                             double startClose, double volumeShare) {
        double drag = expenseRatio / DemoMarketGenerator.DAYS_PER_YEAR;
        int n = index.size();
        OhlcArrays fund = new OhlcArrays(n);
        double indexPrev = indexStartClose;
        double fundPrev = startClose;
        for (int i = 0; i < n; i++) {
            double open = move(fundPrev, index.open[i], indexPrev, leverage, drag);
            double close = move(fundPrev, index.close[i], indexPrev, leverage, drag);
            double atIndexHigh = move(fundPrev, index.high[i], indexPrev, leverage, drag);
            double atIndexLow = move(fundPrev, index.low[i], indexPrev, leverage, drag);
            fund.open[i] = open;
            fund.close[i] = close;
            fund.high[i] = Math.max(atIndexHigh, atIndexLow);
            fund.low[i] = Math.min(atIndexHigh, atIndexLow);
            fund.adjClose[i] = close;
            fund.volume[i] = Math.round(index.volume[i] * volumeShare);
            indexPrev = index.close[i];
            fundPrev = close;
        }
        return fund;
    }

    private static double move(double fundPrev, double indexPrice, double indexPrev, double leverage, double drag) {
        return fundPrev * (1 + leverage * (indexPrice / indexPrev - 1) - drag);
    }
}
