package org.leverdesk.research.similar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.strategy.regime.Regime;
import org.leverdesk.strategy.regime.RegimeRules;
import org.leverdesk.strategy.regime.RegimeSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Describes each trading day of a symbol by the features seed 001 names, each computed from that day's
 * bar and earlier ones only:
 * <ul>
 *   <li>{@code regime}: the confirmed SMA-50/SMA-250 regime of the regime symbol (QQQ) as a number,
 *       STRONG_BULL 2, BULL 1, CAUTIOUS 0, RISK_OFF −1, BREAKDOWN −2 (leave out without that symbol);</li>
 *   <li>{@code volatility}: stdev of the last 20 daily log returns × sqrt(252), in percent;</li>
 *   <li>{@code rsi14}: Wilder RSI(14) of the closes (ta4j);</li>
 *   <li>{@code atr_pct}: ATR(14) (ta4j, Wilder) / close, in percent;</li>
 *   <li>{@code volume_ratio}: the day's volume / mean volume of the last 20 days;</li>
 *   <li>{@code sma20_dist}, {@code sma50_dist}, {@code sma200_dist}: close / SMA − 1, in percent;</li>
 *   <li>{@code vix}: the VIX close of the day (the last one before it when missing; leave out without VIX).</li>
 * </ul>
 */
public final class SessionFeatures {
    static final int WARM_UP = 200;
    private static final int VOL_DAYS = 20;

    private SessionFeatures() {
    }

    /** The feature table of {@code traded}; {@code regimeSource} and {@code vix} may be null. */
    public static FeatureTable of(BarSeries traded, BarSeries regimeSource, BarSeries vix) {
        List<String> names = new ArrayList<>();
        if (regimeSource != null) {
            names.add("regime");
        }
        names.addAll(List.of("volatility", "rsi14", "atr_pct", "volume_ratio", "sma20_dist", "sma50_dist", "sma200_dist"));
        if (vix != null) {
            names.add("vix");
        }
        int n = traded.size();
        org.ta4j.core.BarSeries ta = ta4j(traded);
        ClosePriceIndicator close = new ClosePriceIndicator(ta);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        ATRIndicator atr = new ATRIndicator(ta, 14);
        SMAIndicator sma20 = new SMAIndicator(close, 20);
        SMAIndicator sma50 = new SMAIndicator(close, 50);
        SMAIndicator sma200 = new SMAIndicator(close, 200);
        RegimeSeries regimes = regimeSource == null ? null : RegimeSeries.of(regimeSource, RegimeRules.defaults());
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // ta4j's cached indicators fill their caches in order; reading every day keeps them shallow.
            double r = rsi.getValue(i).doubleValue();
            double a = atr.getValue(i).doubleValue();
            double s20 = sma20.getValue(i).doubleValue();
            double s50 = sma50.getValue(i).doubleValue();
            double s200 = sma200.getValue(i).doubleValue();
            if (i < WARM_UP) {
                continue;
            }
            double c = traded.close(i);
            double[] row = new double[names.size()];
            int f = 0;
            if (regimes != null) {
                row[f++] = regime(regimes, regimeSource, traded.date(i));
            }
            row[f++] = volatility(traded, i);
            row[f++] = r;
            row[f++] = a / c * 100;
            row[f++] = volumeRatio(traded, i);
            row[f++] = (c / s20 - 1) * 100;
            row[f++] = (c / s50 - 1) * 100;
            row[f++] = (c / s200 - 1) * 100;
            if (vix != null) {
                int v = vix.indexAtOrBefore(traded.date(i));
                row[f] = v < 0 ? Double.NaN : vix.close(v);
            }
            if (java.util.Arrays.stream(row).allMatch(Double::isFinite)) {
                dates.add(traded.date(i));
                rows.add(row);
            }
        }
        return new FeatureTable(names, dates.toArray(LocalDate[]::new), rows.toArray(double[][]::new));
    }

    private static double regime(RegimeSeries regimes, BarSeries source, LocalDate day) {
        int j = source.indexOf(day);
        Regime r = j < 0 ? null : regimes.confirmed(j);
        if (r == null) {
            return Double.NaN;
        }
        return switch (r) {
            case STRONG_BULL -> 2;
            case BULL -> 1;
            case CAUTIOUS -> 0;
            case RISK_OFF -> -1;
            case BREAKDOWN -> -2;
        };
    }

    /** Annualised stdev (n − 1) of the last 20 log returns, in percent. */
    static double volatility(BarSeries s, int i) {
        double sum = 0;
        double sq = 0;
        for (int k = i - VOL_DAYS + 1; k <= i; k++) {
            double x = Math.log(s.close(k) / s.close(k - 1));
            sum += x;
            sq += x * x;
        }
        double mean = sum / VOL_DAYS;
        double var = (sq - VOL_DAYS * mean * mean) / (VOL_DAYS - 1);
        return Math.sqrt(Math.max(0, var)) * Math.sqrt(252) * 100;
    }

    /** The day's volume over the mean of the last 20 days' (1 when there is no volume, as for an index). */
    static double volumeRatio(BarSeries s, int i) {
        double sum = 0;
        for (int k = i - VOL_DAYS + 1; k <= i; k++) {
            sum += s.volume(k);
        }
        return sum > 0 ? s.volume(i) / (sum / VOL_DAYS) : 1;
    }

    private static org.ta4j.core.BarSeries ta4j(BarSeries s) {
        org.ta4j.core.BarSeries ta = new BaseBarSeriesBuilder().withName(s.symbol()).withNumFactory(DoubleNumFactory.getInstance()).build();
        Duration day = Duration.ofDays(1);
        for (int i = 0; i < s.size(); i++) {
            Instant end = s.date(i).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            ta.barBuilder().timePeriod(day).endTime(end).openPrice(s.open(i)).highPrice(s.high(i)).lowPrice(s.low(i))
                    .closePrice(s.close(i)).volume(s.volume(i)).add();
        }
        return ta;
    }
}
