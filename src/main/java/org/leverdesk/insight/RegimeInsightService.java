package org.leverdesk.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.PriceFreshness;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.regime.RegimeConfig;
import org.leverdesk.strategy.regime.RegimeSeries;
import org.leverdesk.strategy.regime.RegimeStrategy;

/**
 * The regime strategy as people look at it: today's decision "if run now" (never traded) and the
 * regime history with the positions a backtest held. Reads prices only; stateless and thread-safe.
 */
public final class RegimeInsightService {
    /** Exchange time zone: "today" is New York's date. */
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final MarketData data;
    private final TradingCalendar calendar;
    private final RegimeConfig config;
    private final Clock clock;
    private final Supplier<AccountSnapshot> account;

    /**
     * @param account the account to size against, read on each call (a flat paper account until a broker exists)
     */
    public RegimeInsightService(MarketData data, TradingCalendar calendar, RegimeConfig config, Clock clock,
                                Supplier<AccountSnapshot> account) {
        this.data = data;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
        this.account = account;
    }

    /** Over the default $10,000 paper account. */
    public RegimeInsightService(MarketData data, TradingCalendar calendar, RegimeConfig config, Clock clock) {
        this(data, calendar, config, clock, AccountSnapshot::paper);
    }

    public RegimeConfig config() {
        return config;
    }

    /** The clock's date in New York. */
    public LocalDate today() {
        return ZonedDateTime.now(clock).withZoneSameInstant(NEW_YORK).toLocalDate();
    }

    /** Runs the strategy on the last session with data on or before today, against the account; trades nothing. */
    public RegimeStatus status() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(NEW_YORK);
        LocalDate today = now.toLocalDate();
        BarSeries traded = data.barsUpTo(config.symbol(), today);
        BarSeries signal = data.barsUpTo(config.signalSymbol(), today);
        if (traded.isEmpty() || signal.isEmpty()) {
            String missing = traded.isEmpty() ? config.symbol() : config.signalSymbol();
            throw new IllegalArgumentException("no " + missing + " bars on or before " + today
                    + " in " + data.sourceLabel() + "; import " + missing + " prices first");
        }
        // The decision day: the last session both symbols have, so neither history shows a later bar.
        LocalDate dataDate = traded.lastDate().isBefore(signal.lastDate()) ? traded.lastDate() : signal.lastDate();
        History tradedHistory = new History(traded, traded.indexAtOrBefore(dataDate));
        History signalHistory = new History(signal, signal.indexAtOrBefore(dataDate));
        double price = tradedHistory.isEmpty() ? Double.NaN : tradedHistory.lastClose();

        AccountSnapshot acct = account.get();
        PortfolioView portfolio = acct.markedAt(Map.of(config.symbol(), price));
        // One freshness rule (PriceFreshness, as the live run applies it): prices must reach the last
        // session before today. Stale prices are decided for that session with the bars there are, so
        // the strategy's own data-fresh gate fails and it holds, as the header says; the status never
        // shows "stale" above "data fresh" and a buy.
        LocalDate latest = PriceFreshness.lastNeededSession(calendar, today, 0);
        LocalDate decisionDay = dataDate.isBefore(latest) ? latest : dataDate;
        MarketSnapshot market = new MarketSnapshot(decisionDay, Map.of(config.symbol(), tradedHistory,
                config.signalSymbol(), signalHistory));
        RegimeStrategy strategy = new RegimeStrategy(config);
        Decision decision = strategy.decide(new DecisionContext(decisionDay, market, portfolio, calendar, false));

        long held = portfolio.quantity(config.symbol());
        Double sized = decision.explanation().signals().get("targetShares");
        long target = sized == null ? held : Math.round(sized);
        long orderShares = 0;
        if (decision.rebalance()) {
            for (Target t : decision.targets()) {
                if (t.symbol().equals(config.symbol())) {
                    orderShares = t.quantity() - held;
                }
            }
        }
        RegimeSeries regimes = RegimeSeries.of(signal.between(signal.firstDate(), dataDate), config.rules());
        int last = regimes.size() - 1;
        return new RegimeStatus(today, dataDate, latest, data.isSimulated(), data.sourceLabel(), acct,
                regimes.raw(last), regimes.confirmed(last), held, target, new OrderPreview(config.symbol(), orderShares),
                decision);
    }

    /**
     * The regime history from {@code from} to {@code to}, with a backtest of the strategy (fills at the
     * close, no costs, {@code capital} starting cash) over the traded symbol's sessions in that range.
     * SMAs and regimes warm up on all data before {@code from}, as the strategy sees them.
     */
    public RegimeHistory history(LocalDate from, LocalDate to, double capital, ProgressListener progress,
                                 CancellationToken cancel) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("history needs a start on or before its end (got " + from + " .. " + to + ")");
        }
        BarSeries signal = data.barsUpTo(config.signalSymbol(), to);
        BarSeries traded = data.barsUpTo(config.symbol(), to);
        if (signal.isEmpty()) {
            throw new IllegalArgumentException("no " + config.signalSymbol() + " bars up to " + to + " in "
                    + data.sourceLabel() + "; import " + config.signalSymbol() + " prices first");
        }
        RegimeSeries regimes = RegimeSeries.of(signal, config.rules());
        int first = signal.indexAtOrAfter(from);
        int last = signal.indexAtOrBefore(to);
        int n = Math.max(0, last - first + 1);
        LocalDate[] dates = new LocalDate[n];
        double[] close = new double[n];
        double[] fast = new double[n];
        double[] slow = new double[n];
        var confirmed = new org.leverdesk.strategy.regime.Regime[n];
        for (int k = 0; k < n; k++) {
            int i = first + k;
            dates[k] = regimes.date(i);
            close[k] = regimes.close(i);
            fast[k] = regimes.fastSma(i);
            slow[k] = regimes.slowSma(i);
            confirmed[k] = regimes.confirmed(i);
        }
        long[] position = new long[n];
        Decision[] decisions = new Decision[n];
        BacktestResult result = null;
        boolean tradedInRange = !traded.isEmpty() && n > 0 && traded.indexAtOrAfter(from) <= traded.indexAtOrBefore(to);
        if (tradedInRange) {
            Map<String, BarSeries> series = new HashMap<>();
            series.put(config.symbol(), traded);
            series.put(config.signalSymbol(), signal);
            BacktestConfig bt = new BacktestConfig(from, to, capital, CostModel.FREE, false, config.symbol(), true);
            result = new BacktestEngine(calendar, new MetricsCalculator()).run(new RegimeStrategy(config), series,
                    config.symbol(), bt, data.sourceLabel(), progress, cancel);
            fillPositions(dates, position, result.fills());
            for (Decision d : result.decisions()) {
                int k = java.util.Arrays.binarySearch(dates, d.date());
                if (k >= 0) {
                    decisions[k] = d;
                }
            }
        }
        return new RegimeHistory(config.signalSymbol(), config.symbol(), dates, close, fast, slow, confirmed, position,
                decisions, result);
    }

    /** Shares held at each day's close: the running sum of the traded symbol's fills up to that day. */
    private void fillPositions(LocalDate[] dates, long[] position, List<Fill> fills) {
        long held = 0;
        int f = 0;
        for (int k = 0; k < dates.length; k++) {
            while (f < fills.size() && !fills.get(f).date().isAfter(dates[k])) {
                Fill fill = fills.get(f++);
                if (fill.symbol().equals(config.symbol())) {
                    held += fill.side().sign() * fill.quantity();
                }
            }
            position[k] = held;
        }
    }
}
