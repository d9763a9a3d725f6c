package org.leverdesk.market.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;

/**
 * Generates the simulated DEMO market: QQQ, TQQQ, SQQQ, VIX and QQQM, one bar per trading day of
 * the injected calendar from {@link #START} to a given end date. Same seed, calendar and end date
 * give identical bars; a later end date only appends days (except adj_close, see below).
 *
 * <p>The model, per trading day:
 * <ul>
 *   <li>A hidden {@link Regime} (calm bull, choppy, bear) follows a Markov chain; its parameters
 *       and switching probabilities are documented there.</li>
 *   <li>QQQ's close-to-close log return is normal with the regime's drift and volatility, capped at
 *       ±6 standard deviations and the simple return at ±{@value #MAX_DAILY_MOVE} (a circuit
 *       breaker, which also keeps 3x funds positive). QQQ starts from a previous close of 100.</li>
 *   <li>The open gaps from the previous close by 0.25 daily σ; high and low extend beyond open and
 *       close by half-normal wicks of 0.5 daily σ, kept within 75%–130% of the previous close so
 *       that a 3x fund's intraday low stays positive.</li>
 *   <li>Volume: {@value #QQQ_BASE_VOLUME} shares, log-normal noise (σ 0.3), higher on big moves
 *       and in busy regimes.</li>
 *   <li>adj_close = close × exp(−{@value #DIVIDEND_YIELD} × years until the end date): a 0.6%/yr
 *       dividend accrual, so adj_close/close rises to exactly 1 on the last day, as in a Yahoo
 *       download made that day.</li>
 *   <li>TQQQ and SQQQ: ±3x QQQ's daily close-to-close return minus a 0.95%/yr expense ratio
 *       accrued daily ({@link LeveragedEtf}), from previous closes of 50, then adjusted for simulated
 *       splits so the latest close lies in [20, 40) ({@link #splitAdjusted}).</li>
 *   <li>VIX: the log of VIX reverts (speed {@value #VIX_REVERSION}/day) to the regime's level
 *       (14 / 22 / 40) with daily shocks of σ {@value #VIX_SHOCK}, correlated −0.7 with QQQ's
 *       return shock (VIX jumps when QQQ falls), reflected back into [{@value #VIX_MIN}, {@value #VIX_MAX}].</li>
 *   <li>QQQM: QQQ scaled by {@value #QQQM_SCALE} over the whole range (the real fund began in 2020).</li>
 *   <li>SPY, the rotation's groups (GLD, SLX, JEF, CPER, NVDA, PLTR, TSLA, MSFT, OKLO, RMBS, QBTS, IREN,
 *       AFRM, SOFI): QQQ-driven with their own beta and noise, see {@link DemoStocks}.</li>
 * </ul>
 * Random numbers come from one {@link SplittableRandom} drawn in a fixed order per day.
 */
public final class DemoMarketGenerator {
    /** First generated trading day. */
    public static final LocalDate START = LocalDate.of(2000, 1, 3);
    /**
     * The seed the application uses unless told otherwise, picked from seeds 1–60 for a plausible
     * story: QQQ compounds about 10%/yr to 2025 through three crashes worse than -30% (worst -67%).
     */
    public static final long DEFAULT_SEED = 10L;

    static final double DAYS_PER_YEAR = 252.0;
    static final double MAX_DAILY_MOVE = 0.20;
    static final double HIGH_CAP = 1.30;
    static final double LOW_FLOOR = 0.75;
    static final double QQQ_START = 100.0;
    static final double QQQ_BASE_VOLUME = 60_000_000.0;
    static final double DIVIDEND_YIELD = 0.006;
    static final double LEVERAGED_EXPENSE_RATIO = 0.0095;
    static final double LEVERAGED_START = 50.0;
    static final double VIX_START = 20.0;
    /** Lower edge of the band the leveraged ETFs' latest split-adjusted close is put in. */
    static final double SPLIT_BAND_LOW = 20.0;
    static final double VIX_REVERSION = 0.06;
    static final double VIX_SHOCK = 0.07;
    static final double VIX_RETURN_CORRELATION = -0.7;
    static final double VIX_MIN = 9.0;
    static final double VIX_MAX = 90.0;
    static final double QQQM_SCALE = 0.41;

    private static final double GAP_SIGMAS = 0.25;
    private static final double WICK_SIGMAS = 0.5;
    private static final double MAX_Z = 6.0;

    private final TradingCalendar calendar;
    private final long seed;

    public DemoMarketGenerator(TradingCalendar calendar, long seed) {
        this.calendar = calendar;
        this.seed = seed;
    }

    /** The series by symbol (QQQ, TQQQ, SQQQ, VIX, QQQM, then {@link DemoStocks}' tickers), from {@link #START} to {@code end} inclusive. */
    public Map<String, BarSeries> generate(LocalDate end) {
        if (end.isBefore(START)) {
            throw new IllegalArgumentException("the demo market starts on " + START + "; end " + end + " is earlier");
        }
        List<LocalDate> days = calendar.tradingDays(START, end);
        int n = days.size();
        if (n == 0) {
            throw new IllegalArgumentException("the calendar has no trading days from " + START + " to " + end);
        }
        OhlcArrays qqq = new OhlcArrays(n);
        OhlcArrays vix = new OhlcArrays(n);
        simulate(n, qqq, vix);

        Map<String, BarSeries> out = new LinkedHashMap<>();
        out.put("QQQ", qqq.toSeries("QQQ", days));
        out.put("TQQQ", splitAdjusted(LeveragedEtf.derive(qqq, QQQ_START, 3, LEVERAGED_EXPENSE_RATIO, LEVERAGED_START, 0.9))
                .toSeries("TQQQ", days));
        out.put("SQQQ", splitAdjusted(LeveragedEtf.derive(qqq, QQQ_START, -3, LEVERAGED_EXPENSE_RATIO, LEVERAGED_START, 0.6))
                .toSeries("SQQQ", days));
        out.put("VIX", vix.toSeries("VIX", days));
        out.put("QQQM", scaled(qqq, QQQM_SCALE, 0.05).toSeries("QQQM", days));
        // the rotation's tickers come last and from their own random streams: the symbols above keep their bars
        out.putAll(DemoStocks.derive(qqq, QQQ_START, days, seed));
        return out;
    }

    private void simulate(int n, OhlcArrays qqq, OhlcArrays vix) {
        SplittableRandom random = new SplittableRandom(seed);
        Regime regime = Regime.CALM;
        double prevClose = QQQ_START;
        double vixPrev = VIX_START;
        double rhoComplement = Math.sqrt(1 - VIX_RETURN_CORRELATION * VIX_RETURN_CORRELATION);
        for (int i = 0; i < n; i++) {
            // Draw every number of the day up front, in a fixed order, so the stream never depends on branches.
            regime = regime.next(random.nextDouble());
            double zReturn = clamp(random.nextGaussian(), -MAX_Z, MAX_Z);
            double zGap = clamp(random.nextGaussian(), -MAX_Z, MAX_Z);
            double wickUp = Math.min(Math.abs(random.nextGaussian()), 4);
            double wickDown = Math.min(Math.abs(random.nextGaussian()), 4);
            double zVolume = clamp(random.nextGaussian(), -MAX_Z, MAX_Z);
            double zVixOwn = clamp(random.nextGaussian(), -MAX_Z, MAX_Z);
            double zVixGap = clamp(random.nextGaussian(), -MAX_Z, MAX_Z);
            double vixWickUp = Math.min(Math.abs(random.nextGaussian()), 4);
            double vixWickDown = Math.min(Math.abs(random.nextGaussian()), 4);

            double sigma = regime.dailyVol();
            double move = clamp(Math.exp(regime.dailyLogDrift() + sigma * zReturn) - 1, -MAX_DAILY_MOVE, MAX_DAILY_MOVE);
            double close = prevClose * (1 + move);
            double open = prevClose * Math.exp(GAP_SIGMAS * sigma * zGap);
            qqq.open[i] = open;
            qqq.close[i] = close;
            qqq.high[i] = Math.min(Math.max(open, close) * Math.exp(WICK_SIGMAS * sigma * wickUp), HIGH_CAP * prevClose);
            qqq.low[i] = Math.max(Math.min(open, close) * Math.exp(-WICK_SIGMAS * sigma * wickDown), LOW_FLOOR * prevClose);
            double busy = 1 + 0.5 * Math.abs(zReturn);
            qqq.volume[i] = Math.round(QQQ_BASE_VOLUME * regime.volumeFactor * busy * Math.exp(0.3 * zVolume));
            prevClose = close;

            double shock = VIX_RETURN_CORRELATION * zReturn + rhoComplement * zVixOwn;
            double logVix = Math.log(vixPrev) + VIX_REVERSION * (Math.log(regime.vixLevel) - Math.log(vixPrev))
                    + VIX_SHOCK * shock;
            double vixClose = reflect(Math.exp(logVix), VIX_MIN, VIX_MAX);
            double vixOpen = reflect(vixPrev * Math.exp(0.3 * VIX_SHOCK * zVixGap), VIX_MIN, VIX_MAX);
            vix.open[i] = vixOpen;
            vix.close[i] = vixClose;
            vix.high[i] = Math.max(vixOpen, vixClose) * Math.exp(WICK_SIGMAS * VIX_SHOCK * vixWickUp);
            vix.low[i] = Math.min(vixOpen, vixClose) * Math.exp(-WICK_SIGMAS * VIX_SHOCK * vixWickDown);
            vix.adjClose[i] = vixClose;
            vixPrev = vixClose;
        }
        for (int i = 0; i < n; i++) {
            double yearsToEnd = (n - 1 - i) / DAYS_PER_YEAR;
            qqq.adjClose[i] = qqq.close[i] * Math.exp(-DIVIDEND_YIELD * yearsToEnd);
        }
    }

    /**
     * Leveraged ETFs split and reverse-split to keep their price tradable, and downloaded history is
     * adjusted for every split up to the download day (see SOURCES.md for TQQQ/SQQQ). Without this
     * a simulated TQQQ would end in the thousands of dollars and SQQQ at a millionth of a cent,
     * where whole-share strategies cannot trade. So the whole series is scaled by a power of two
     * that puts the latest close in [SPLIT_BAND_LOW, 2 * SPLIT_BAND_LOW), shares inversely; like a
     * real download, the scale changes only when the end date moves past a simulated split.
     */
    static OhlcArrays splitAdjusted(OhlcArrays raw) {
        double last = raw.close[raw.size() - 1];
        int exponent = (int) Math.floor(Math.log(last / SPLIT_BAND_LOW) / Math.log(2));
        double factor = Math.pow(2, -exponent);
        return scaled(raw, factor, 1 / factor);
    }

    private static OhlcArrays scaled(OhlcArrays source, double factor, double volumeShare) {
        OhlcArrays out = new OhlcArrays(source.size());
        for (int i = 0; i < source.size(); i++) {
            out.open[i] = source.open[i] * factor;
            out.high[i] = source.high[i] * factor;
            out.low[i] = source.low[i] * factor;
            out.close[i] = source.close[i] * factor;
            out.adjClose[i] = source.adjClose[i] * factor;
            out.volume[i] = Math.round(source.volume[i] * volumeShare);
        }
        return out;
    }

    /** Mirrors a value that left [lo, hi] back inside, so VIX does not sit flat on a bound for days. */
    private static double reflect(double v, double lo, double hi) {
        if (v < lo) {
            return Math.min(lo * lo / v, hi);
        }
        if (v > hi) {
            return Math.max(hi * hi / v, lo);
        }
        return v;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
