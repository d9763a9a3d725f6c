package org.leverdesk.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.History;
import org.leverdesk.domain.MarketSnapshot;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.strategy.rotation.RotationAnalysis;
import org.leverdesk.strategy.rotation.RotationAnalyzer;
import org.leverdesk.strategy.rotation.RotationConfig;
import org.leverdesk.strategy.rotation.RotationStrategy;

/**
 * The rotation as people look at it: the sleeves, the manager's choice and the plan against the
 * account as of the last session with data. Reads prices only; trades nothing; thread-safe.
 */
public final class RotationInsightService {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final MarketData data;
    private final RotationConfig config;
    private final Clock clock;
    private final Supplier<AccountSnapshot> account;

    public RotationInsightService(MarketData data, RotationConfig config, Clock clock, Supplier<AccountSnapshot> account) {
        this.data = data;
        this.config = config;
        this.clock = clock;
        this.account = account;
    }

    public RotationConfig config() {
        return config;
    }

    /** Runs the analysis on the clock symbol's last session on or before today (New York). */
    public RotationStatus status() {
        LocalDate today = ZonedDateTime.now(clock).withZoneSameInstant(NEW_YORK).toLocalDate();
        BarSeries clockBars;
        try {
            clockBars = data.barsUpTo(config.clockSymbol(), today);
        } catch (MarketDataException e) {
            throw new IllegalArgumentException("no " + config.clockSymbol() + " bars on or before " + today + " in "
                    + data.sourceLabel() + "; import " + config.clockSymbol() + " prices first");
        }
        if (clockBars.isEmpty()) {
            throw new IllegalArgumentException("no " + config.clockSymbol() + " bars on or before " + today + " in "
                    + data.sourceLabel() + "; import " + config.clockSymbol() + " prices first");
        }
        LocalDate dataDate = clockBars.lastDate();
        Set<String> symbols = new LinkedHashSet<>();
        symbols.add(config.clockSymbol());
        symbols.addAll(config.groups().all());
        Map<String, History> histories = new HashMap<>();
        Map<String, Double> closes = new HashMap<>();
        for (String s : symbols) {
            try {
                BarSeries b = data.barsUpTo(s, dataDate);
                if (!b.isEmpty()) {
                    histories.put(s, new History(b, b.size() - 1));
                    closes.put(s, b.close(b.size() - 1));
                }
            } catch (MarketDataException e) {
                // not imported: the analysis lists it as skipped with its reason
            }
        }
        MarketSnapshot market = new MarketSnapshot(dataDate, histories);
        RotationStrategy strategy = new RotationStrategy(config);
        RotationAnalysis analysis = strategy.analyze(market, dataDate);
        AccountSnapshot acct = account.get();
        PortfolioView portfolio = acct.markedAt(closes);
        int clockIndex = histories.get(config.clockSymbol()).lastIndex();
        return new RotationStatus(dataDate, data.sourceLabel(), data.isSimulated(), analysis,
                strategy.plan(analysis, market, portfolio), acct, portfolio.equity(),
                new RotationAnalyzer(config).daysToNextRebalance(clockIndex));
    }
}
