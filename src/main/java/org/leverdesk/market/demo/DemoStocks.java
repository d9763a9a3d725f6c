package org.leverdesk.market.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rotation's tickers (seed 004) in the DEMO market, derived from the simulated QQQ so that they
 * move with the market: each day's log return is beta × QQQ's log return + alpha/252 + an own
 * normal shock of σ/√252, capped at ±{@value DemoMarketGenerator#MAX_DAILY_MOVE} simple return.
 * Opens gap by 0.25 daily σ; wicks are half-normal 0.5 daily σ within 75%–130% of the previous
 * close. Each symbol draws from its own random stream (seed mixed with the symbol's position in
 * {@link #MODELS}), after QQQ has been generated, so the existing symbols' bars do not change.
 * Prices are re-based like the leveraged funds so the latest close is in [20, 40).
 */
final class DemoStocks {
    /** Symbol, beta to QQQ, annual alpha, annual own volatility. Values are plausible, not fitted. */
    record Model(String symbol, double beta, double alpha, double vol) {
    }

    static final List<Model> MODELS = List.of(
            new Model("SPY", 0.75, 0.005, 0.04),
            new Model("GLD", 0.05, 0.06, 0.15),
            new Model("SLX", 1.10, 0.00, 0.25),
            new Model("JEF", 1.00, 0.02, 0.25),
            new Model("CPER", 0.30, 0.02, 0.22),
            new Model("NVDA", 1.60, 0.10, 0.40),
            new Model("PLTR", 1.50, 0.05, 0.55),
            new Model("TSLA", 1.50, 0.08, 0.50),
            new Model("MSFT", 1.00, 0.04, 0.18),
            new Model("OKLO", 1.20, 0.05, 0.70),
            new Model("RMBS", 1.30, 0.03, 0.40),
            new Model("QBTS", 1.40, 0.00, 0.80),
            new Model("IREN", 1.60, 0.02, 0.70),
            new Model("AFRM", 1.80, 0.00, 0.60),
            new Model("SOFI", 1.50, 0.02, 0.55));

    private DemoStocks() {
    }

    /** True for a symbol this class generates (re-based by simulated splits like the leveraged funds). */
    static boolean generates(String symbol) {
        return MODELS.stream().anyMatch(m -> m.symbol().equals(symbol));
    }

    /** The stocks' series over {@code days}, driven by QQQ's closes (previous close before day 0: {@code qqqStart}). */
    static Map<String, org.leverdesk.domain.BarSeries> derive(OhlcArrays qqq, double qqqStart, List<LocalDate> days, long seed) {
        Map<String, org.leverdesk.domain.BarSeries> out = new LinkedHashMap<>();
        for (int m = 0; m < MODELS.size(); m++) {
            Model model = MODELS.get(m);
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + 7_919L * (m + 1));
            out.put(model.symbol(), DemoMarketGenerator.splitAdjusted(simulate(model, qqq, qqqStart, random)).toSeries(model.symbol(), days));
        }
        return out;
    }

    private static OhlcArrays simulate(Model model, OhlcArrays qqq, double qqqStart, SplittableRandom random) {
        int n = qqq.size();
        OhlcArrays s = new OhlcArrays(n);
        double daily = model.vol() / Math.sqrt(DemoMarketGenerator.DAYS_PER_YEAR);
        double prev = 50;
        double qqqPrev = qqqStart;
        for (int i = 0; i < n; i++) {
            double zOwn = clamp(random.nextGaussian(), -6, 6);
            double zGap = clamp(random.nextGaussian(), -6, 6);
            double wickUp = Math.min(Math.abs(random.nextGaussian()), 4);
            double wickDown = Math.min(Math.abs(random.nextGaussian()), 4);
            double zVolume = clamp(random.nextGaussian(), -6, 6);
            double market = Math.log(qqq.close[i] / qqqPrev);
            qqqPrev = qqq.close[i];
            double logReturn = model.beta() * market + model.alpha() / DemoMarketGenerator.DAYS_PER_YEAR + daily * zOwn;
            double move = clamp(Math.exp(logReturn) - 1, -DemoMarketGenerator.MAX_DAILY_MOVE, DemoMarketGenerator.MAX_DAILY_MOVE);
            double close = prev * (1 + move);
            double sigma = Math.sqrt(daily * daily + model.beta() * model.beta() * 0.0001);
            double open = prev * Math.exp(0.25 * sigma * zGap);
            s.open[i] = open;
            s.close[i] = close;
            s.high[i] = Math.min(Math.max(open, close) * Math.exp(0.5 * sigma * wickUp), Math.max(DemoMarketGenerator.HIGH_CAP * prev, Math.max(open, close)));
            s.low[i] = Math.max(Math.min(open, close) * Math.exp(-0.5 * sigma * wickDown), Math.min(DemoMarketGenerator.LOW_FLOOR * prev, Math.min(open, close)));
            s.adjClose[i] = close;
            s.volume[i] = Math.round(5_000_000 * (1 + 0.5 * Math.abs(zOwn)) * Math.exp(0.3 * zVolume));
            prev = close;
        }
        return s;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
