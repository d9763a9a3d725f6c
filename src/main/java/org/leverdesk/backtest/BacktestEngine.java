package org.leverdesk.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;

/**
 * The daily event loop. For each trading day of the traded symbol in the requested range it
 * (1) fills orders left from the previous day (next open, or a limit tested against today's range),
 * (2) checks the resting stops, (3) shows the strategy the bars up to and including today — never
 * later, by construction of {@link History} — and applies its decision with the strategy's fill
 * model, and (4) records the equity at today's close.
 *
 * <p>Resting stops: a decision's {@link Target} with a stop price leaves a good-till-cancelled stop
 * for that symbol's whole position. A later target for the symbol replaces it (or cancels it when
 * it has no stop); it is cancelled when the position is flat at the end of a day with no order
 * pending for the symbol. Daily bars cannot tell whether the low came before or after the close
 * decision, so a stop is checked <em>at most once per day, before the strategy decides</em>
 * (after the open orders): a long's stop triggers when the day's low is at or below it and sells
 * at the stop, or at the open when the open is already below it (a gap through); a short's mirrors
 * it with the high. The fill goes through {@link FillSimulator}, so slippage and commission apply.
 * A stop set today is first checked tomorrow.
 */
public final class BacktestEngine {
    private static final int PROGRESS_EVERY = 512;
    private final TradingCalendar calendar;
    private final MetricsCalculator metricsCalculator;

    public BacktestEngine(TradingCalendar calendar, MetricsCalculator metricsCalculator) {
        this.calendar = calendar;
        this.metricsCalculator = metricsCalculator;
    }

    /**
     * Runs {@code strategy} over {@code data} (all history up to {@code config.to()}, so indicators
     * can warm up before {@code config.from()}).
     *
     * @param tradedSymbol the symbol whose trading days drive the loop
     */
    public BacktestResult run(Strategy strategy, Map<String, BarSeries> data, String tradedSymbol, BacktestConfig config,
                              String dataSource, ProgressListener progress, CancellationToken cancel) {
        Set<String> symbolSet = new LinkedHashSet<>();
        symbolSet.add(tradedSymbol);
        symbolSet.addAll(strategy.symbols());
        for (String optional : strategy.optionalSymbols()) {
            BarSeries b = data.get(optional);
            if (b != null && !b.isEmpty()) {
                symbolSet.add(optional); // a missing optional symbol is the strategy's to report, not an error
            }
        }
        String[] symbols = symbolSet.toArray(String[]::new);
        BarSeries[] series = new BarSeries[symbols.length];
        for (int s = 0; s < symbols.length; s++) {
            series[s] = data.get(symbols[s]);
            if (series[s] == null || series[s].isEmpty()) {
                throw new IllegalArgumentException("no price data for " + symbols[s] + "; import it or point --prices at a folder with " + symbols[s] + ".csv");
            }
        }
        BarSeries traded = series[0];
        int start = traded.indexAtOrAfter(config.from());
        int end = traded.indexAtOrBefore(config.to());
        if (start > end) {
            throw new IllegalArgumentException("no " + tradedSymbol + " bars between " + config.from() + " and " + config.to()
                    + "; its data covers " + traded.firstDate() + " .. " + traded.lastDate());
        }
        int days = end - start + 1;

        SimAccount account = new SimAccount(symbols, config.capital());
        FillSimulator filler = new FillSimulator(config.costs(), config.allowMargin());
        ExecutionPolicy policy = strategy.execution();
        List<Fill> fills = new ArrayList<>();
        List<Decision> decisions = config.recordDecisions() ? new ArrayList<>() : List.of();
        RoundTripTracker trips = new RoundTripTracker();
        List<PendingOrder> pending = new ArrayList<>();
        double[] stops = new double[symbols.length];
        Arrays.fill(stops, Double.NaN);

        LocalDate[] dates = new LocalDate[days];
        double[] equity = new double[days];
        double[] cash = new double[days];
        double[] positionValue = new double[days];
        boolean[] invested = new boolean[days];
        int[] cursor = new int[symbols.length];
        for (int s = 0; s < symbols.length; s++) {
            cursor[s] = -1;
        }
        History[] histories = new History[symbols.length];
        Map<String, History> snapshotMap = new HashMap<>(symbols.length * 2);

        for (int k = 0; k < days; k++) {
            int i = start + k;
            LocalDate today = traded.date(i);
            if ((k & (PROGRESS_EVERY - 1)) == 0) {
                cancel.throwIfCancelled();
                progress.progress((double) k / days, today.toString());
            }
            for (int s = 0; s < symbols.length; s++) {
                int c = cursor[s];
                BarSeries ser = series[s];
                while (c + 1 < ser.size() && !ser.date(c + 1).isAfter(today)) {
                    c++;
                }
                if (c != cursor[s] || histories[s] == null) {
                    cursor[s] = c;
                    histories[s] = new History(ser, c);
                }
                if (c >= 0) {
                    account.mark(s, ser.close(c));
                }
            }
            int fillsBefore = fills.size();
            if (!pending.isEmpty()) {
                fillPending(pending, series, cursor, today, account, filler, fills);
            }
            triggerStops(stops, series, cursor, today, account, filler, fills);

            snapshotMap.clear();
            for (int s = 0; s < symbols.length; s++) {
                snapshotMap.put(symbols[s], histories[s]);
            }
            MarketSnapshot snapshot = new MarketSnapshot(today, snapshotMap);
            Decision decision = strategy.decide(new DecisionContext(today, snapshot, account, calendar, k == 0, config.recordDecisions()));
            if (config.recordDecisions()) {
                decisions.add(decision);
            }
            if (decision.rebalance()) {
                applyTargets(decision, account, series, cursor, policy, filler, fills, pending, today, stops);
            }
            cancelStopsOfFlatPositions(stops, account, pending);
            for (int f = fillsBefore; f < fills.size(); f++) {
                trips.add(fills.get(f));
            }

            dates[k] = today;
            cash[k] = account.cash();
            positionValue[k] = account.positionValue();
            equity[k] = cash[k] + positionValue[k];
            invested[k] = hasPosition(account);
        }
        progress.progress(1.0, "metrics");

        List<EquityPoint> curve = new ArrayList<>(days);
        for (int k = 0; k < days; k++) {
            curve.add(new EquityPoint(dates[k], equity[k], cash[k], positionValue[k]));
        }
        List<RoundTrip> closed = trips.closed();
        Metrics metrics = metricsCalculator.compute(dates, equity, invested, fills.size(),
                closed.stream().mapToDouble(RoundTrip::profit).toArray());
        double[] benchmark = null;
        Metrics benchmarkMetrics = null;
        if (config.benchmarkSymbol() != null && !config.benchmarkSymbol().isBlank()) {
            BarSeries b = data.get(config.benchmarkSymbol());
            if (b == null || b.isEmpty()) {
                throw new IllegalArgumentException("no price data for benchmark " + config.benchmarkSymbol());
            }
            benchmark = BuyAndHold.equity(b, dates, config.capital());
            benchmarkMetrics = metricsCalculator.compute(dates, benchmark, null, 1, new double[0]);
        }
        return new BacktestResult(strategy.id(), tradedSymbol, config, dataSource, curve, benchmark, metrics,
                benchmarkMetrics, List.copyOf(fills), closed, decisions);
    }


    private static boolean hasPosition(SimAccount account) {
        for (int s = 0; s < account.symbolCount(); s++) {
            if (account.quantityAt(s) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Orders to be filled on the next trading day: market-on-open or a day limit. */
    private record PendingOrder(int symbol, long signedQty, double limit, String reason) {
    }

    private static void fillPending(List<PendingOrder> pending, BarSeries[] series, int[] cursor, LocalDate today,
                                    SimAccount account, FillSimulator filler, List<Fill> fills) {
        for (PendingOrder o : sortedSellsFirst(pending)) {
            BarSeries ser = series[o.symbol()];
            int c = cursor[o.symbol()];
            if (c < 0 || !ser.date(c).equals(today)) {
                continue; // no session for this symbol today: a day order expires unfilled
            }
            double open = ser.open(c);
            if (Double.isNaN(o.limit())) {
                filler.fill(account, o.symbol(), o.signedQty(), open, today, o.reason(), fills);
            } else if (o.signedQty() > 0 && ser.low(c) <= o.limit()) {
                filler.fill(account, o.symbol(), o.signedQty(), Math.min(open, o.limit()), today, o.reason(), fills);
            } else if (o.signedQty() < 0 && ser.high(c) >= o.limit()) {
                filler.fill(account, o.symbol(), o.signedQty(), Math.max(open, o.limit()), today, o.reason(), fills);
            }
        }
        pending.clear();
    }

    /** Fills every resting stop that today's range reaches (see the class comment for the rule). */
    private static void triggerStops(double[] stops, BarSeries[] series, int[] cursor, LocalDate today,
                                     SimAccount account, FillSimulator filler, List<Fill> fills) {
        for (int s = 0; s < stops.length; s++) {
            double stop = stops[s];
            long held = account.quantityAt(s);
            int c = cursor[s];
            if (Double.isNaN(stop) || held == 0 || c < 0 || !series[s].date(c).equals(today)) {
                continue;
            }
            double open = series[s].open(c);
            boolean hit = held > 0 ? series[s].low(c) <= stop : series[s].high(c) >= stop;
            if (hit) {
                double price = held > 0 ? Math.min(open, stop) : Math.max(open, stop);
                filler.fill(account, s, -held, price, today, "stop loss at " + price(stop), fills);
                stops[s] = Double.NaN;
            }
        }
    }

    /** A stop protects a position: once the position is flat and nothing is pending for it, it goes. */
    private static void cancelStopsOfFlatPositions(double[] stops, SimAccount account, List<PendingOrder> pending) {
        for (int s = 0; s < stops.length; s++) {
            if (!Double.isNaN(stops[s]) && account.quantityAt(s) == 0 && !hasPendingOrder(pending, s)) {
                stops[s] = Double.NaN;
            }
        }
    }

    private static boolean hasPendingOrder(List<PendingOrder> pending, int symbol) {
        for (PendingOrder o : pending) {
            if (o.symbol() == symbol) {
                return true;
            }
        }
        return false;
    }

    /** A price with up to 6 significant digits (TQQQ traded near $0.20 in 2010 on today's share basis). */
    private static String price(double p) {
        return new BigDecimal(p).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static List<PendingOrder> sortedSellsFirst(List<PendingOrder> orders) {
        List<PendingOrder> out = new ArrayList<>(orders.size());
        for (PendingOrder o : orders) {
            if (o.signedQty() < 0) {
                out.add(o);
            }
        }
        for (PendingOrder o : orders) {
            if (o.signedQty() > 0) {
                out.add(o);
            }
        }
        return out;
    }

    private static void applyTargets(Decision decision, SimAccount account, BarSeries[] series, int[] cursor,
                                     ExecutionPolicy policy, FillSimulator filler, List<Fill> fills,
                                     List<PendingOrder> pending, LocalDate today, double[] stops) {
        String reason = decision.explanation().summary();
        List<Target> targets = decision.targets();
        for (Target t : targets) {
            int s = account.indexOf(t.symbol());
            if (s >= 0) {
                stops[s] = t.stopPrice(); // replaces the resting stop; NaN cancels it
            }
        }
        // Sells first so their proceeds can pay for the buys.
        for (int pass = 0; pass < 2; pass++) {
            for (Target t : targets) {
                int s = account.indexOf(t.symbol());
                if (s < 0) {
                    throw new IllegalStateException(decision.strategyId() + " targets " + t.symbol() + " which it did not declare in symbols()");
                }
                long delta = t.quantity() - account.quantityAt(s);
                if (delta == 0 || (pass == 0) != (delta < 0)) {
                    continue;
                }
                int c = cursor[s];
                if (c < 0 || !series[s].date(c).equals(today)) {
                    continue; // no price today for this symbol: nothing to trade against
                }
                double close = series[s].close(c);
                switch (policy.backtestFill()) {
                    case CLOSE -> filler.fill(account, s, delta, close, today, reason, fills);
                    case NEXT_OPEN -> pending.add(new PendingOrder(s, delta, Double.NaN, reason));
                    case LIMIT_NEXT_DAY -> {
                        double off = policy.limitOffsetBps() / 10_000.0;
                        double limit = delta > 0 ? close * (1 + off) : close * (1 - off);
                        pending.add(new PendingOrder(s, delta, limit, reason));
                    }
                }
            }
        }
    }
}
