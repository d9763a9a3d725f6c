package org.leverdesk.ui.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.ui.FakeBacktestRunner;
import org.leverdesk.ui.chart.ChartSeries;
import org.leverdesk.ui.chart.PriceChartData;
import org.leverdesk.ui.chart.TradeMarker;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;

class PriceChartsTest {
    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);

    /** 30 consecutive days, close = 10 + i, open = close - 1, high = close + 2, low = open - 2, volume 100 * (i + 1). */
    private static BarSeries bars() {
        List<Bar> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double c = 10 + i;
            list.add(new Bar(D0.plusDays(i), c - 1, c + 2, c - 3, c, 100L * (i + 1), c));
        }
        return BarSeries.of("TQQQ", list);
    }

    private static BacktestResult result(String strategyId, LocalDate from, LocalDate to, List<Fill> fills, List<RoundTrip> trips) {
        BacktestConfig config = new BacktestConfig(from, to, 10_000, null, false, "TQQQ", true);
        return new BacktestResult(strategyId, "TQQQ", config, "test", List.of(), new double[0],
                FakeBacktestRunner.METRICS, FakeBacktestRunner.BENCHMARK_METRICS, fills, trips, List.of());
    }

    @Test
    void barsAreTheRunsDatesAndBarsBeforeItWarmUpTheOverlays() {
        PriceChartData data = PriceCharts.of(result("rsi2", D0.plusDays(25), D0.plusDays(28), List.of(), List.of()), bars());
        assertEquals(4, data.bars().size());
        assertEquals(ChartSeries.epochSeconds(D0.plusDays(25)), data.bars().x()[0]);
        assertArrayEquals(new double[] {34, 35, 36, 37}, data.bars().open());
        assertArrayEquals(new double[] {37, 38, 39, 40}, data.bars().high());
        assertArrayEquals(new double[] {32, 33, 34, 35}, data.bars().low());
        assertArrayEquals(new double[] {35, 36, 37, 38}, data.bars().close());
        assertArrayEquals(new double[] {2600, 2700, 2800, 2900}, data.bars().volume());
        // SMA 20 on day 25 averages closes of days 6..25 = 16..35 -> 25.5, computed from bars before the run
        assertEquals("SMA 20", data.overlays().get(0).name());
        assertEquals(25.5, data.overlays().get(0).y()[0], 1e-12);
        assertEquals("Lower Bollinger (20, 2σ)", data.overlays().get(1).name());
    }

    @Test
    void rsi2GetsTheRsiPaneWithItsFourLevelsAndOtherStrategiesDoNot() {
        PriceChartData rsi2 = PriceCharts.of(result("rsi2", D0, D0.plusDays(29), List.of(), List.of()), bars());
        assertEquals("RSI(2)", rsi2.indicator().name());
        assertArrayEquals(new double[] {30, 75, 90, 60}, rsi2.levels());
        // closes only rise: NaN while warming up (bars 0, 1), then 100
        assertTrue(Double.isNaN(rsi2.indicator().y()[1]));
        assertEquals(100, rsi2.indicator().y()[2], 1e-12);

        PriceChartData regime = PriceCharts.of(result("regime", D0, D0.plusDays(29), List.of(), List.of()), bars());
        assertNull(regime.indicator(), "without the signal symbol's bars there is no regime pane");
        assertTrue(regime.overlays().isEmpty(), "no moving averages of the traded symbol: the regime reads QQQ's");

        PriceChartData monthly = PriceCharts.of(result("monthly-rebalance", D0, D0.plusDays(29), List.of(), List.of()), bars());
        assertNull(monthly.indicator());
        assertTrue(monthly.overlays().isEmpty());
    }

    @Test
    void theRegimeStrategysPaneShowsItsSignalSymbolsCloseAndMovingAveragesNamedAfterIt() {
        List<Bar> list = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            list.add(new Bar(D0.minusDays(270).plusDays(i), 100 + i, 101 + i, 99 + i, 100 + i, 1000, 100 + i));
        }
        BarSeries qqq = BarSeries.of("QQQ", list);
        PriceChartData regime = PriceCharts.of(result("regime", D0, D0.plusDays(29), List.of(), List.of()), bars(), qqq);
        assertEquals("QQQ (regime signal)", regime.pane().title());
        assertEquals(List.of("QQQ close", "QQQ SMA 50", "QQQ SMA 250"), regime.pane().lines().stream().map(ChartSeries::name).toList());
        assertFalse(regime.pane().fixedRange(), "prices are fitted, not 0..100");
        ChartSeries sma50 = regime.pane().lines().get(1);
        assertEquals(30, sma50.size(), "the run's days only");
        assertEquals(ChartSeries.epochSeconds(D0), sma50.x()[0]);
        // on D0 (bar 270) the SMA-50 averages closes 321..370 (bars 221..270) = 345.5; the SMA-250 closes 121..370 = 245.5
        assertEquals(345.5, sma50.y()[0], 1e-9);
        assertEquals(245.5, regime.pane().lines().get(2).y()[0], 1e-9);
        assertEquals("QQQ", PriceCharts.signalSymbol("regime", java.util.Map.of(), java.util.Map.of("signalSymbol", "QQQ")));
        assertEquals("SPY", PriceCharts.signalSymbol("regime", java.util.Map.of("signalSymbol", "spy"), java.util.Map.of()));
        assertNull(PriceCharts.signalSymbol("rsi2", java.util.Map.of(), java.util.Map.of()));
    }

    @Test
    void markersShowSideSizePriceReasonAndTheRoundTripPnlOfTheClosingSell() {
        List<Fill> fills = List.of(
                new Fill(D0.plusDays(2), "TQQQ", Side.BUY, 100, 12.5, 1, "RSI(2) 12.3 <= 30"),
                new Fill(D0.plusDays(5), "SQQQ", Side.BUY, 40, 20.25, 1, "hedge: RSI(2) 93 >= 90"),
                new Fill(D0.plusDays(6), "TQQQ", Side.SELL, 100, 14, 1, "RSI(2) 80 >= 75"));
        List<RoundTrip> trips = List.of(new RoundTrip("TQQQ", D0.plusDays(2), 12.5, D0.plusDays(6), 14, 100, 148));
        List<TradeMarker> markers = PriceCharts.of(result("rsi2", D0, D0.plusDays(29), fills, trips), bars()).markers();
        assertEquals(3, markers.size());
        TradeMarker buy = markers.get(0);
        assertTrue(buy.buy());
        assertFalse(buy.hedge());
        assertEquals(ChartSeries.epochSeconds(D0.plusDays(2)), buy.x());
        assertEquals("2024-01-03  BUY TQQQ\n100 @ $12.50\nRSI(2) 12.3 <= 30", buy.text());
        assertTrue(markers.get(1).hedge(), "SQQQ is not the traded symbol");
        TradeMarker sell = markers.get(2);
        assertFalse(sell.buy());
        assertEquals("2024-01-07  SELL TQQQ\n100 @ $14.00\nRound trip P&L $148.00\nRSI(2) 80 >= 75", sell.text());
    }

    @Test
    void smaAndLowerBollingerMatchHandValues() {
        double[] close = new double[20];
        for (int i = 0; i < 20; i++) {
            close[i] = i + 1;
        }
        double[] sma = Indicators.sma(close, 20);
        assertTrue(Double.isNaN(sma[18]));
        assertEquals(10.5, sma[19], 1e-12);
        // population variance of 1..20 is (20^2 - 1) / 12 = 33.25
        assertEquals(10.5 - 2 * Math.sqrt(33.25), Indicators.lowerBollinger(close, 20, 2)[19], 1e-12);
    }

    @Test
    void rsiMatchesHandValuesAndTa4jOnARandomWalk() {
        // changes -0.5, 0, +1.5: seeded with (0, 0.5) -> 0; then (0, 0.25) -> 0; then (0.75, 0.125) -> 100 - 100/7
        double[] hand = Indicators.rsi(new double[] {10, 11, 10.5, 10.5, 12}, 2);
        assertEquals(0, hand[2], 1e-12);
        assertEquals(0, hand[3], 1e-12);
        assertEquals(100 - 100 / 7.0, hand[4], 1e-12);

        double[] close = new double[500];
        SplittableRandom random = new SplittableRandom(7);
        double v = 50;
        var series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        Duration day = Duration.ofDays(1);
        for (int i = 0; i < close.length; i++) {
            v *= 1 + 0.03 * random.nextGaussian();
            close[i] = v;
            series.barBuilder().timePeriod(day).endTime(Instant.EPOCH.plus(day.multipliedBy(i + 1L)))
                    .openPrice(v).highPrice(v).lowPrice(v).closePrice(v).volume(0).add();
        }
        RSIIndicator ta4j = new RSIIndicator(new ClosePriceIndicator(series), 2);
        double[] ours = Indicators.rsi(close, 2);
        for (int i = 2; i < close.length; i++) {
            assertEquals(ta4j.getValue(i).doubleValue(), ours[i], 1e-9, "bar " + i);
        }
    }

    @Test
    void aWheelsOptionFillsAreItsCycleOnTheChart() {
        // the hand-made wheel: put sold, assigned (its 100 shares drawn with it, not as a second marker), call sold,
        // called away (likewise), put sold; in date order, each with its legs and credit in the hover text
        var markers = PriceCharts.markers(org.leverdesk.testing.OptionRunSamples.wheel(true));
        assertEquals(java.util.List.of(org.leverdesk.ui.chart.TradeMarker.Kind.PUT_SOLD, org.leverdesk.ui.chart.TradeMarker.Kind.PUT_ASSIGNED,
                org.leverdesk.ui.chart.TradeMarker.Kind.CALL_SOLD, org.leverdesk.ui.chart.TradeMarker.Kind.CALLED_AWAY,
                org.leverdesk.ui.chart.TradeMarker.Kind.PUT_SOLD), markers.stream().map(org.leverdesk.ui.chart.TradeMarker::kind).toList());
        assertTrue(markers.get(0).text().contains("SELL 1 QQQ 240112P00400000 @ $2.50"), markers.get(0).text());
        assertTrue(markers.get(0).text().contains("Credit $250.00"), markers.get(0).text());
        assertTrue(markers.get(1).kind().up(), "an assignment buys shares: drawn below the bar");
        assertFalse(markers.get(3).kind().up(), "a call-away sells them: above");
        assertEquals("QQQ options", markers.get(1).symbol());
    }

    @Test
    void aSpreadIsOneMarkerWhenOpenedAndOneWhenClosed() {
        var markers = PriceCharts.markers(org.leverdesk.testing.OptionRunSamples.spread());
        assertEquals(java.util.List.of(org.leverdesk.ui.chart.TradeMarker.Kind.SPREAD_OPENED, org.leverdesk.ui.chart.TradeMarker.Kind.SPREAD_CLOSED),
                markers.stream().map(org.leverdesk.ui.chart.TradeMarker::kind).toList());
        assertTrue(markers.get(1).text().contains("Debit $30.00 (exit: profit take)"), markers.get(1).text());
    }

    @Test
    void theResultsTableGetsTheOptionRows() {
        var rows = OptionRows.of(org.leverdesk.backtest.OptionResults.of(org.leverdesk.testing.OptionRunSamples.wheel(true)));
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r.strategy()));
        assertEquals("$750.00", byName.get("Premium collected"));
        assertEquals("1", byName.get("Puts assigned"));
        assertEquals("1", byName.get("Called away"));
        assertEquals("$630.00", byName.get("Premium P&L"));
        assertEquals("$1,050.00", byName.get("Stock P&L (incl. dividends)"));
        var spread = OptionRows.of(org.leverdesk.backtest.OptionResults.of(org.leverdesk.testing.OptionRunSamples.spread()));
        assertTrue(spread.contains(new MetricRow("Exits: profit take", "1", org.leverdesk.ui.common.Formats.MISSING)), spread.toString());
        assertTrue(spread.contains(new MetricRow("Refused by cooldown", "2 days", org.leverdesk.ui.common.Formats.MISSING)), spread.toString());
        BacktestResult w = org.leverdesk.testing.OptionRunSamples.wheel(true);
        BacktestResult shares = new BacktestResult(w.strategyId(), w.symbol(), w.config(), w.dataSource(), w.equity(), null, w.metrics(),
                null, w.fills().stream().filter(f -> f.symbol().equals("QQQ")).toList(), List.of(), List.of());
        assertTrue(OptionRows.of(org.leverdesk.backtest.OptionResults.of(shares)).isEmpty(), "no option rows for a run of shares");
    }
}
