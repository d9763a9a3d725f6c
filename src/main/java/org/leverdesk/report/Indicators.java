package org.leverdesk.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.strategy.meanreversion.MeanReversionConfig;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The indicator pane a strategy's report shows, if any: for rsi2 the same ta4j RSI (Wilder,
 * DoubleNum) the strategy decides on, computed over every given bar so the run's first days are
 * warmed up, with the strategy's entry/exit and hedge levels.
 */
final class Indicators {
    /** Level lines of the pane: value and label. */
    record Level(double value, String label, java.awt.Color color) {
    }

    /** An indicator series aligned with the bars, its name and its reference levels. */
    record Pane(String name, double[] values, double min, double max, java.util.List<Level> levels) {
    }

    private Indicators() {
    }

    static Optional<Pane> forStrategy(String strategyId, String symbol, Map<String, String> parameters, BarSeries bars) {
        if (!"rsi2".equals(strategyId)) {
            return Optional.empty();
        }
        MeanReversionConfig cfg;
        try {
            cfg = MeanReversionConfig.parse(symbol, parameters);
        } catch (IllegalArgumentException e) {
            return Optional.empty();   // the run itself would have rejected such parameters
        }
        java.util.List<Level> levels = new java.util.ArrayList<>();
        levels.add(new Level(cfg.entryRsi(), "entry " + fmt(cfg.entryRsi()), new java.awt.Color(0x2E, 0x7D, 0x32)));
        levels.add(new Level(cfg.exitRsi(), "exit " + fmt(cfg.exitRsi()), new java.awt.Color(0xC6, 0x28, 0x28)));
        if (cfg.hedge()) {
            levels.add(new Level(cfg.hedgeEntryRsi(), "hedge " + fmt(cfg.hedgeEntryRsi()), new java.awt.Color(0xEF, 0x6C, 0x00)));
            levels.add(new Level(cfg.hedgeExitRsi(), "unhedge " + fmt(cfg.hedgeExitRsi()), new java.awt.Color(0x6A, 0x1B, 0x9A)));
        }
        return Optional.of(new Pane("RSI(" + cfg.rsiPeriod() + ")", rsi(bars, cfg.rsiPeriod()), 0, 100, levels));
    }

    /** ta4j's RSI of the closes, NaN while it warms up (bars 0..period-1). */
    static double[] rsi(BarSeries bars, int period) {
        Duration day = Duration.ofDays(1);
        org.ta4j.core.BarSeries series = new BaseBarSeriesBuilder().withName("rsi")
                .withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < bars.size(); i++) {
            double c = bars.close(i);
            // the RSI reads closes only; ta4j wants increasing bar times, so synthetic days do
            series.barBuilder().timePeriod(day).endTime(Instant.EPOCH.plus(day.multipliedBy(i + 1L)))
                    .openPrice(c).highPrice(c).lowPrice(c).closePrice(c).volume(0).add();
        }
        RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), period);
        double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rsi.getValue(i).doubleValue();
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
