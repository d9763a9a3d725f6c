package org.leverdesk.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.DividendPayment;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Side;

/**
 * Small hand-made option runs whose numbers are checked by hand in the tests of the report layer, the PDF and the
 * Backtest view.
 *
 * <p>The wheel on QQQ, $50,000: sell the 400 put for 2.50 (+$250); assigned at 400 (100 shares for $40,000); sell the
 * 410 call for 3.00 (+$300); called away at 410 (+$41,000); a $0.50 dividend on the 100 shares (+$50); sell the 405
 * put for 2.00 (+$200), still open after the last close, marked at 1.20 (−$120). Final equity 50,000 + 750 − 40,000 +
 * 41,000 + 50 − 120 = $51,680; premium P&L = 750 − 120 = $630; stock P&L = 1,680 − 630 = $1,050 (1,000 on the
 * shares + 50 of dividends).
 */
public final class OptionRunSamples {
    private OptionRunSamples() {
    }

    public static final LocalDate FROM = LocalDate.parse("2024-01-02");
    public static final LocalDate TO = LocalDate.parse("2024-02-09");

    /** The wheel run; {@code marked} false drops the closing option values (a saved run re-opened). */
    public static BacktestResult wheel(boolean marked) {
        List<Fill> fills = List.of(
                new Fill(d("2024-01-02"), "QQQ   240112P00400000", Side.SELL, 1, 2.50, 0,
                        "sell 1 cash-secured put QQQ240112P00400000 at the bid $2.50: $250.00 premium"),
                new Fill(d("2024-01-12"), "QQQ   240112P00400000", Side.BUY, 1, 0, 0,
                        "QQQ 240112P00400000 assigned: bought 100 QQQ at $400.00 (QQQ closed $395.00)"),
                new Fill(d("2024-01-12"), "QQQ", Side.BUY, 100, 400, 0,
                        "QQQ 240112P00400000 assigned: bought 100 QQQ at $400.00 (QQQ closed $395.00)"),
                new Fill(d("2024-01-16"), "QQQ   240126C00410000", Side.SELL, 1, 3.00, 0,
                        "sell 1 covered call QQQ240126C00410000 at the bid $3.00: $300.00 premium"),
                new Fill(d("2024-01-26"), "QQQ   240126C00410000", Side.BUY, 1, 0, 0,
                        "QQQ 240126C00410000 assigned (called away): sold 100 QQQ at $410.00 (QQQ closed $415.00)"),
                new Fill(d("2024-01-26"), "QQQ", Side.SELL, 100, 410, 0,
                        "QQQ 240126C00410000 assigned (called away): sold 100 QQQ at $410.00 (QQQ closed $415.00)"),
                new Fill(d("2024-01-29"), "QQQ   240209P00405000", Side.SELL, 1, 2.00, 0,
                        "sell 1 cash-secured put QQQ240209P00405000 at the bid $2.00: $200.00 premium"));
        List<EquityPoint> eq = List.of(
                new EquityPoint(FROM, 50_000, 50_000, 0),
                new EquityPoint(d("2024-01-12"), 49_710, 10_250, 39_460),
                new EquityPoint(d("2024-01-26"), 51_600, 51_600, 0),
                new EquityPoint(TO, 51_680, 51_800, -120));
        Map<String, Double> open = marked ? Map.of("QQQ   240209P00405000", -120.0) : null;
        return new BacktestResult("wheel", "QQQ", config(50_000), "hand-made", eq, null, metrics(51_680), null, fills,
                List.of(), List.of(), List.of(new DividendPayment(d("2024-01-22"), "QQQ", 100, 0.50, 50)), open);
    }

    /**
     * A bull put spread: opened 2024-02-01 (sell the 400 put at 1.00, buy the 395 at 0.40: credit $60), closed 2024-02-08
     * by the profit take (buy the 400 at 0.40, sell the 395 at 0.10: $30 to close): +$30. Two days the cooldown refused an
     * entry, one day the drawdown throttle. Final equity $10,030.
     */
    public static BacktestResult spread() {
        String open = "open 1 bull put spread 2024-02-23 (22 DTE): sell QQQ240223P00400000 at $1.00 / buy QQQ240223P00395000"
                + " at $0.40; credit $0.60, max loss $440.00 each";
        String close = "close the 2024-02-23 position (1×, credit $0.60, now $0.30 to close, P&L $30.00): profit take: $0.30 >= 50%"
                + " of the credit $0.60";
        List<Fill> fills = List.of(
                new Fill(d("2024-02-01"), "QQQ   240223P00400000", Side.SELL, 1, 1.00, 0, open),
                new Fill(d("2024-02-01"), "QQQ   240223P00395000", Side.BUY, 1, 0.40, 0, open),
                new Fill(d("2024-02-08"), "QQQ   240223P00395000", Side.SELL, 1, 0.10, 0, close),
                new Fill(d("2024-02-08"), "QQQ   240223P00400000", Side.BUY, 1, 0.40, 0, close));
        List<GateResult> cool = List.of(GateResult.fail("cooldown", "stop on 2024-01-30", "cooldown: 1 of 7 days"));
        List<Decision> decisions = List.of(
                new Decision(d("2024-01-31"), "spreads", false, List.of(), new Explanation("no", Map.of(), cool, null)),
                new Decision(d("2024-02-05"), "spreads", false, List.of(), new Explanation("no", Map.of(), cool, null)),
                new Decision(d("2024-02-06"), "spreads", false, List.of(), new Explanation("no", Map.of(), List.of(
                        GateResult.fail("drawdown throttle", "21% >= 20%", "drawdown throttle: 21% under the peak"),
                        GateResult.pass("cooldown", "no stop", "no cooldown running")), null)));
        List<EquityPoint> eq = List.of(new EquityPoint(FROM, 10_000, 10_000, 0), new EquityPoint(TO, 10_030, 10_030, 0));
        return new BacktestResult("spreads", "QQQ", config(10_000), "hand-made", eq, null, metrics(10_030), null, fills,
                List.of(), decisions, List.of(), Map.of());
    }

    /** QQQ bars from 2023-12-20 to {@link #TO}, around 400. */
    public static BarSeries bars() {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = LocalDate.parse("2023-12-20");
        double c = 400;
        int i = 0;
        while (!day.isAfter(TO)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                double next = c * (1 + 0.012 * Math.sin(i++ * 0.9));
                bars.add(new Bar(day, c, Math.max(c, next) * 1.005, Math.min(c, next) * 0.995, next, 40_000_000, next));
                c = next;
            }
            day = day.plusDays(1);
        }
        return BarSeries.of("QQQ", bars);
    }

    private static BacktestConfig config(double capital) {
        return new BacktestConfig(FROM, TO, capital, CostModel.FREE, false, "QQQ", true);
    }

    private static Metrics metrics(double finalEquity) {
        return new Metrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, Double.NaN,
                0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, finalEquity);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
