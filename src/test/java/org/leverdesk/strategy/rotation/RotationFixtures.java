package org.leverdesk.strategy.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Position;
import org.leverdesk.testing.WeekdayCalendar;

/** Hand-made multi-symbol bars and a fixed portfolio for the rotation's tests. */
final class RotationFixtures {
    static final WeekdayCalendar CAL = new WeekdayCalendar();
    static final LocalDate START = LocalDate.parse("2024-01-01"); // a Monday

    private RotationFixtures() {
    }

    /** {@code n} daily bars from 100 with returns mu + 0.01·(−1)^k (k = 1..n−1): same noise, different drift. */
    static BarSeries drifting(String symbol, int n, double mu) {
        return drifting(symbol, START, n, mu);
    }

    static BarSeries drifting(String symbol, LocalDate start, int n, double mu) {
        double[] closes = new double[n];
        closes[0] = 100;
        for (int k = 1; k < n; k++) {
            closes[k] = closes[k - 1] * (1 + mu + (k % 2 == 0 ? 0.01 : -0.01));
        }
        List<Bar> bars = new ArrayList<>();
        LocalDate d = start;
        for (double c : closes) {
            bars.add(new Bar(d, c, c, c, c, 1000, c));
            d = CAL.nextTradingDay(d);
        }
        return BarSeries.of(symbol, bars);
    }

    /** A snapshot of every series up to and including {@code today}. */
    static MarketSnapshot snapshot(LocalDate today, BarSeries... series) {
        Map<String, History> h = new HashMap<>();
        for (BarSeries s : series) {
            h.put(s.symbol(), new History(s, s.indexAtOrBefore(today)));
        }
        return new MarketSnapshot(today, h);
    }

    static RotationConfig config(TickerGroups groups, int topN, RotationConfig.Selection selection, RotationConfig.Fallback fallback,
                                 ProfitTaker profitTaker) {
        return new RotationConfig(groups, "SPY", 100_000, 4, topN, 10, selection, 5, 5, 0.10, fallback, 1.0, 0.02, 0.0, profitTaker);
    }

    static TickerGroups groups(String core, String benchmarks, String speculative, String asymmetric) {
        return new TickerGroups(TickerGroups.parse(core), TickerGroups.parse(benchmarks), TickerGroups.parse(speculative),
                TickerGroups.parse(asymmetric));
    }

    /** A portfolio with fixed cash, holdings and marks. */
    record Book(double cash, Map<String, Long> held, Map<String, Double> marks) implements PortfolioView {
        @Override
        public long quantity(String symbol) {
            return held.getOrDefault(symbol, 0L);
        }

        @Override
        public Map<String, Position> positions() {
            Map<String, Position> out = new LinkedHashMap<>();
            held.forEach((s, q) -> {
                if (q != 0) {
                    out.put(s, new Position(s, q, marks.get(s)));
                }
            });
            return out;
        }

        @Override
        public double equity() {
            double v = cash;
            for (Map.Entry<String, Long> e : held.entrySet()) {
                v += e.getValue() * marks.get(e.getKey());
            }
            return v;
        }
    }
}
