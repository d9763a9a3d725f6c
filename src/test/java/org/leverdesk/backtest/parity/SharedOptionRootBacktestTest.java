package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.PortfolioRun;
import org.leverdesk.backtest.StrategyContribution;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.testing.SharedPrices;

/**
 * Decision records 0031/0032 in the backtest: the wheel, spreads and a condor on QQQ options in ONE simulated account
 * (a mode backtest, {@link BacktestEngine#runTogether} with contract-level ownership), the condor's short strikes at
 * spreads' delta so both hold the same contracts. Each strategy's decisions and fills (an expiry or assignment of a
 * contract several held split into each one's part) are exactly those of its single-strategy backtest with the same
 * capital share; and the mode backtest's decisions and order fills are those of the paper replay of the same months in
 * one paper account ({@link SharedOptionRootPaperTest}; {@link ParityReplay} drives one strategy only). Skipped when
 * ../shared/data is absent.
 */
class SharedOptionRootBacktestTest {
    private static final NyseCalendar NYSE = new NyseCalendar();

    @TempDir
    Path dir;

    private final SharedOptionRootPaperTest paper = new SharedOptionRootPaperTest();

    private static PortfolioRun backtest(List<StrategyRun> runs, String from, String to) {
        Path prices = SharedPrices.dir();
        MarketData data = new CsvDirectoryMarketData(prices, new CsvBarReader(NYSE));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(prices), data, NYSE);
        LocalDate end = LocalDate.parse(to);
        Map<String, BarSeries> series = new TreeMap<>();
        Set<String> symbols = new TreeSet<>(List.of("QQQ"));
        runs.forEach(r -> {
            symbols.addAll(r.strategy().symbols());
            symbols.addAll(r.strategy().optionalSymbols());
        });
        for (String s : symbols) {
            series.put(s, data.barsUpTo(s, end));
        }
        BacktestConfig config = new BacktestConfig(LocalDate.parse(from), end, 100_000, CostModel.FREE, false, null, true);
        return new BacktestEngine(NYSE, new MetricsCalculator(0), chains).runTogether("mode:test", runs, null, series, "QQQ",
                config, "test", ProgressListener.NONE, CancellationToken.NONE);
    }

    /** "2022-01-03 [Target[...]]" or "2022-01-03 hold", as the paper test records them. */
    private static List<String> decisions(PortfolioRun run, String id) {
        List<String> out = new ArrayList<>();
        for (Decision d : run.result().decisions()) {
            if (d.strategyId().equals(id)) {
                out.add(d.date() + " " + (d.rebalance() ? d.targets() : "hold"));
            }
        }
        return out;
    }

    @Test
    void eachStrategyInAModeBacktestDoesWhatItsOwnBacktestDoes(TestReporter reporter) {
        // 2016-04..07: spreads and the condor let the same calls expire together (one account fill split in two);
        // 2022-01..06: QQQ fell 29 %, the wheel's puts were assigned, spreads and the condor were stopped.
        Set<String> shared = new TreeSet<>();
        int wheelFills = 0;
        for (String[] stretch : new String[][] {{"2016-04-01", "2016-07-29"}, {"2022-01-03", "2022-06-30"}}) {
            List<StrategyRun> runs = paper.runs();
            PortfolioRun together = backtest(runs, stretch[0], stretch[1]);
            for (StrategyRun r : runs) {
                String id = r.strategy().id();
                PortfolioRun alone = backtest(List.of(r), stretch[0], stretch[1]);
                List<Fill> own = together.strategyFills().get(id);
                String line = stretch[0] + ".." + stretch[1] + ": " + own.size() + " fills, " + decisions(together, id).stream()
                        .filter(d -> !d.endsWith(" hold")).count() + " rebalancing decisions; alone " + alone.result().fills().size()
                        + " fills";
                reporter.publishEntry(id, line);
                System.out.println("SharedOptionRootBacktestTest " + id + " " + line);
                assertEquals(decisions(alone, id), decisions(together, id), id + "'s decisions");
                // Each fill's day, contract, side, quantity, price and commission; not its reason, whose credit quotes the
                // average price of the account's position (blended when two strategies hold the contract, record 0031).
                assertEquals(trades(alone.result().fills()), trades(own), id + "'s fills");
                assertEquals(alone.contributions().get(0).pnl(), contribution(together, id).pnl(), 0.005, id + "'s P&L");
                wheelFills += id.equals("wheel") ? own.size() : 0;
            }
            // The expiries several strategies shared: one account fill split into each holder's part.
            Map<String, Integer> holders = new TreeMap<>();
            together.strategyFills().forEach((id, fills) -> fills.stream().filter(f -> f.reason().contains("expired worthless"))
                    .map(f -> f.date() + " " + f.symbol()).distinct().forEach(k -> holders.merge(k, 1, Integer::sum)));
            holders.values().removeIf(n -> n < 2);
            shared.addAll(holders.keySet());
            String line = "expiries held by several strategies: " + holders.keySet() + "; unattributed P&L "
                    + String.format(java.util.Locale.ROOT, "%.4f", together.unattributedPnl());
            reporter.publishEntry("shared", line);
            System.out.println("SharedOptionRootBacktestTest " + stretch[0] + " " + line);
            assertEquals(0, together.unattributedPnl(), 0.05);
        }
        assertTrue(!shared.isEmpty(), "spreads and the condor let one contract expire together");
        assertTrue(wheelFills > 0, "the wheel traded");
    }

    /**
     * Decision record 0031's crossing case, now refused by the risk step: the condor sold the 2014-06-20 84 put (its iron
     * condor of 2014-05-20) and on 2014-05-29 spreads' bull put 89/84 would have bought that put as its long wing, leaving
     * the account flat in it. The spread is denied whole and the backtest journals it as paper and live do; that evening
     * the condor bought its 84 put back, and on 2014-05-30 spreads opened the same spread, the contract then nobody else's.
     * At no close did two strategies hold opposite sides of a contract, and each contract's account position is the sum of
     * the strategies' own counts (each view holds what its fills put there). The condor and the wheel, never denied by the
     * rule, do exactly what they do alone.
     */
    @Test
    void spreadsIsDeniedBuyingTheCondorsShortPutIn2014AndEveryViewHoldsItsOwn(TestReporter reporter) {
        PortfolioRun together = backtest(paper.runs(), "2014-04-01", "2014-06-30");
        List<String> crossing = together.denials().stream().filter(d -> d.contains("would net against")).toList();
        reporter.publishEntry("denied", crossing.isEmpty() ? "none" : String.join("; ", crossing));
        System.out.println("SharedOptionRootBacktestTest 2014 crossing denials: " + crossing);
        // Every close: no contract held long by one strategy and short by another; the account's positions (every fill
        // of the run) are the sum of the strategies' own.
        Map<String, Map<String, Long>> own = new TreeMap<>();
        Map<String, Long> account = new TreeMap<>();
        List<String> days = together.result().fills().stream().map(f -> f.date().toString()).distinct().sorted().toList();
        for (String day : days) {
            together.result().fills().stream().filter(f -> f.date().toString().equals(day))
                    .forEach(f -> account.merge(f.symbol(), f.side().sign() * f.quantity(), Long::sum));
            together.strategyFills().forEach((id, fills) -> fills.stream().filter(f -> f.date().toString().equals(day))
                    .forEach(f -> own.computeIfAbsent(id, k -> new TreeMap<>()).merge(f.symbol(), f.side().sign() * f.quantity(),
                            Long::sum)));
            Map<String, Long> sum = new TreeMap<>();
            Map<String, Set<Long>> signs = new TreeMap<>();
            own.forEach((id, held) -> held.forEach((sym, q) -> {
                sum.merge(sym, q, Long::sum);
                if (q != 0) {
                    signs.computeIfAbsent(sym, k -> new TreeSet<>()).add((long) Long.signum(q));
                }
            }));
            sum.values().removeIf(q -> q == 0);
            Map<String, Long> held = new TreeMap<>(account);
            held.values().removeIf(q -> q == 0);
            assertEquals(held, sum, day + ": the account's positions are the strategies' own");
            signs.forEach((sym, sg) -> assertEquals(1, sg.size(), () -> day + ": " + sym + " held on both sides: "
                    + own.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().getOrDefault(sym, 0L)).toList()));
        }
        assertEquals(List.of("2014-05-29 spreads: ld-spreads-v1-20140529-mleg-QQQ-140620-bs: QQQ 20 Jun 14 84 P: condor is short 1;"
                + " spreads' buy would net against it in the account"), crossing);
        String p84 = "QQQ   140620P00084000";
        assertEquals(List.of("2014-05-20 SELL 1", "2014-05-29 BUY 1"), dated(together.strategyFills().get("condor"), p84));
        assertEquals(List.of("2014-05-30 BUY 1", "2014-06-20 SELL 1"), dated(together.strategyFills().get("spreads"), p84));
        // denied whole: not its short 89 put either, nor any other leg that day
        assertEquals(List.of(), together.strategyFills().get("spreads").stream().filter(f -> f.date().toString().equals("2014-05-29"))
                .toList());

        for (StrategyRun r : paper.runs()) {
            String id = r.strategy().id();
            if (!id.equals("spreads")) {
                PortfolioRun alone = backtest(List.of(r), "2014-04-01", "2014-06-30");
                assertEquals(decisions(alone, id), decisions(together, id), id + "'s decisions");
                assertEquals(trades(alone.result().fills()), trades(together.strategyFills().get(id)), id + "'s fills");
            }
        }
    }

    /**
     * The same months in one paper account (the store's journal, {@link SharedOptionRootPaperTest}): the same crossing
     * denial journalled as {@code risk-denied}, and every strategy's decisions and order fills those of the mode backtest.
     */
    @Test
    void thePaperAccountJournalsTheSameCrossingDenialIn2014(TestReporter reporter) throws IOException {
        paper.dir = dir;
        List<String> denied = new ArrayList<>();
        Map<String, SharedOptionRootPaperTest.Record> live = paper.replay(paper.runs(), b -> b, new ArrayList<>(), "2014-04-01",
                "2014-06-30", denied);
        List<String> crossing = denied.stream().filter(d -> d.contains("would net against")).toList();
        reporter.publishEntry("journal", crossing.isEmpty() ? "none" : String.join("; ", crossing));
        System.out.println("SharedOptionRootBacktestTest paper 2014 risk-denied: " + crossing);
        assertEquals(List.of("spreads: ld-spreads-v1-20140529-mleg-QQQ-140620-bs: QQQ 20 Jun 14 84 P: condor is short 1; spreads'"
                + " buy would net against it in the account"), crossing);
        PortfolioRun backtest = backtest(paper.runs(), "2014-04-01", "2014-06-30");
        for (StrategyRun r : paper.runs()) {
            String id = r.strategy().id();
            assertEquals(live.get(id).decisions(), decisions(backtest, id), id + "'s decisions");
            assertEquals(live.get(id).fills(), orderFills(backtest.strategyFills().get(id)), id + "'s fills");
        }
    }

    private static List<String> dated(List<Fill> fills, String symbol) {
        return fills.stream().filter(f -> f.symbol().equals(symbol)).map(f -> f.date() + " " + f.side() + " " + f.quantity()).toList();
    }

    @Test
    void theModeBacktestDecidesAndFillsAsThePaperReplayOfTheSameMonths(TestReporter reporter) throws IOException {
        paper.dir = dir;
        Map<String, SharedOptionRootPaperTest.Record> live = paper.replay(paper.runs(), b -> b, new ArrayList<>());
        PortfolioRun backtest = backtest(paper.runs(), SharedOptionRootPaperTest.FROM, SharedOptionRootPaperTest.TO);
        for (StrategyRun r : paper.runs()) {
            String id = r.strategy().id();
            assertEquals(live.get(id).decisions(), decisions(backtest, id), id + "'s decisions");
            List<String> fills = orderFills(backtest.strategyFills().get(id));
            reporter.publishEntry(id, fills.size() + " order fills in both");
            System.out.println("SharedOptionRootBacktestTest paper parity " + id + ": " + fills.size() + " order fills");
            assertEquals(live.get(id).fills(), fills, id + "'s fills");
        }
    }

    /**
     * The fills of orders (not of expiries or assignments, which the paper store keeps as events), formatted and
     * ordered as the paper test reads its stored orders.
     */
    private static List<String> orderFills(List<Fill> fills) {
        Set<String> events = new TreeSet<>(List.of("expired worthless", "assigned", "exercised:", "settled at intrinsic"));
        List<String> out = new ArrayList<>();
        fills.stream().filter(f -> events.stream().noneMatch(e -> f.reason().contains(e)))
                .sorted(Comparator.comparing(Fill::date).thenComparing(Fill::symbol).thenComparing(Fill::side))
                .forEach(f -> out.add(f.date() + " " + f.symbol() + " " + f.side() + " " + f.quantity() + " @ "
                        + BigDecimal.valueOf(f.price()).setScale(4, RoundingMode.HALF_EVEN)));
        return out;
    }

    private static List<String> trades(List<Fill> fills) {
        return fills.stream().map(f -> f.date() + " " + f.symbol() + " " + f.side() + " " + f.quantity() + " @ " + f.price()
                + " fee " + f.commission()).toList();
    }

    private static StrategyContribution contribution(PortfolioRun run, String id) {
        return run.contributions().stream().filter(c -> c.strategyId().equals(id)).findFirst().orElseThrow();
    }
}
