package org.leverdesk.ui.symbolchart;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The Chart view's indicators, computed by ta4j over a symbol's daily bars and kept as
 * {@code double[]} (NaN while an indicator warms up): SMA, EMA, Bollinger bands (SMA ± k ·
 * population σ, as ta4j's {@link StandardDeviationIndicator}), Wilder RSI and Wilder ATR.
 */
final class ChartIndicators {
    private static final Duration DAY = Duration.ofDays(1);
    private final BarSeries series;
    private final ClosePriceIndicator close;

    ChartIndicators(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < close.length; i++) {
            // ta4j wants increasing bar times; the indicators read prices only, so synthetic days do.
            series.barBuilder().timePeriod(DAY).endTime(Instant.EPOCH.plus(DAY.multipliedBy(i + 1L)))
                    .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i]).volume(volume[i]).add();
        }
        this.close = new ClosePriceIndicator(series);
    }

    double[] sma(int period) {
        return values(new SMAIndicator(close, period), period - 1);
    }

    double[] ema(int period) {
        return values(new EMAIndicator(close, period), period - 1);
    }

    /** Upper and lower Bollinger band of {@code period} bars and {@code k} standard deviations. */
    double[][] bollinger(int period, double k) {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, period);
        Num width = series.numFactory().numOf(k);
        return new double[][] {values(new BollingerBandsUpperIndicator(middle, sd, width), period - 1),
                values(new BollingerBandsLowerIndicator(middle, sd, width), period - 1)};
    }

    double[] rsi(int period) {
        return values(new RSIIndicator(close, period), period);
    }

    double[] atr(int period) {
        return values(new ATRIndicator(series, period), period - 1);
    }

    private double[] values(Indicator<Num> indicator, int unstable) {
        double[] out = new double[series.getBarCount()];
        Arrays.fill(out, Double.NaN);
        for (int i = Math.max(0, unstable); i < out.length; i++) {
            double v = indicator.getValue(i).doubleValue();
            out[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        return out;
    }
}
