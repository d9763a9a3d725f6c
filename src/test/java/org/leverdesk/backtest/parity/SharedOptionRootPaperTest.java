package org.leverdesk.backtest.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.paper.PaperSettings;
import org.leverdesk.broker.sim.CommissionModel;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.execution.ExecutionService;
import org.leverdesk.execution.RunResult;
import org.leverdesk.execution.StrategyRun;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.calendar.SessionInstants;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.VisibleUntil;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/**
 * Decision record 0031: the wheel, spreads and a condor trade QQQ options in ONE paper account (one store, one paper
 * broker, one execution service; the daily run at 15:50 of each, on the synthetic chains of real QQQ/VXN; the condor's
 * short strikes at spreads' delta, 0.20, so the two sell the same calls and hold them at the same time), and each
 * one's decisions and fills are exactly those of running it alone in an account of the same size with the same
 * capital share: nothing of one strategy's contracts leaks into another's view. Then the same months with the process
 * killed right after the broker accepted the condor's first opening order (before its answer was stored) and started
 * again on the store: ownership is rebuilt from the store, no leg is doubled, every decision and fill is the same.
 * Skipped when ../shared/data is absent.
 */
class SharedOptionRootPaperTest {
    static final String FROM = "2023-07-03";
    static final String TO = "2023-09-29";
    private final NyseCalendar calendar = new NyseCalendar();

    @TempDir
    Path dir;

    /** What one strategy did: its decisions (day and targets) and its fills (from the store's orders, by strategy). */
    record Record(List<String> decisions, List<String> fills) {
    }

    private StrategyRun run(String id, double share) {
        var d = StrategyCatalog.builtIn().require(id);
        // The condor's short strikes at spreads' delta, so both strategies sell the same puts: shared contracts.
        Map<String, String> params = id.equals("wheel") ? Map.of("optionsTicker", "QQQ", "maxContracts", "1")
                : id.equals("condor") ? Map.of("maxContracts", "1", "shortDelta", "0.20") : Map.of("maxContracts", "1");
        return new StrategyRun(d.factory().create("QQQ", params), 1, null, share);
    }

    List<StrategyRun> runs() {
        return List.of(run("wheel", 0.5), run("spreads", 0.25), run("condor", 0.25));
    }

    @Test
    void eachStrategyInOneAccountDoesWhatItDoesAlone(TestReporter reporter) throws IOException {
        Map<String, Record> together = replay(runs(), b -> b, new ArrayList<>());
        for (StrategyRun r : runs()) {
            Record alone = replay(List.of(r), b -> b, new ArrayList<>()).get(r.strategy().id());
            Record shared = together.get(r.strategy().id());
            String line = shared.decisions().stream().filter(d -> !d.endsWith(" hold")).count() + " rebalancing decisions, "
                    + shared.fills().size() + " fills; alone " + alone.fills().size() + " fills";
            reporter.publishEntry(r.strategy().id(), line);
            System.out.println("SharedOptionRootPaperTest " + r.strategy().id() + ": " + line);
            assertEquals(alone.decisions(), shared.decisions(), r.strategy().id() + "'s decisions");
            assertEquals(alone.fills(), shared.fills(), r.strategy().id() + "'s fills");
        }
        assertTrue(together.get("spreads").fills().size() >= 8, "spreads opened and closed: " + together.get("spreads").fills());
        assertTrue(together.get("condor").fills().size() >= 8, "the condor opened and closed: " + together.get("condor").fills());
        assertTrue(together.get("wheel").fills().size() >= 2, "the wheel sold puts: " + together.get("wheel").fills());
        Set<String> spreadContracts = contracts(together.get("spreads"));
        spreadContracts.retainAll(contracts(together.get("condor")));
        Set<String> heldTogether = heldTogether(together.get("spreads"), together.get("condor"));
        String line = "contracts both spreads and the condor traded: " + spreadContracts + "; held by both at one close: "
                + heldTogether;
        reporter.publishEntry("shared", line);
        System.out.println("SharedOptionRootPaperTest " + line);
        assertTrue(!heldTogether.isEmpty(), "spreads and the condor held one contract at the same time: " + line);
    }

    @Test
    void aKillAfterTheBrokerAcceptedAnOpeningRebuildsOwnershipFromTheStore(TestReporter reporter) throws IOException {
        Map<String, Record> clean = replay(runs(), b -> b, new ArrayList<>());
        List<String> kills = new ArrayList<>();
        Map<String, Record> killed = replay(runs(), b -> killer(b, kills), kills);
        reporter.publishEntry("kills", kills.toString());
        System.out.println("SharedOptionRootPaperTest kills: " + kills);
        assertEquals(1, kills.size(), kills.toString());
        assertEquals(clean, killed, "after " + kills);
    }

    /** The contracts both records held at the end of one same day (each one's running count from its fills). */
    private static Set<String> heldTogether(Record a, Record b) {
        java.util.NavigableMap<LocalDate, Map<String, Long>> ha = holdings(a);
        java.util.NavigableMap<LocalDate, Map<String, Long>> hb = holdings(b);
        Set<String> out = new java.util.TreeSet<>();
        Set<LocalDate> days = new java.util.TreeSet<>(ha.keySet());
        days.addAll(hb.keySet());
        for (LocalDate day : days) {
            Map<String, Long> x = ha.floorEntry(day) == null ? Map.of() : ha.floorEntry(day).getValue();
            Map<String, Long> y = hb.floorEntry(day) == null ? Map.of() : hb.floorEntry(day).getValue();
            x.forEach((symbol, q) -> {
                if (q != 0 && y.getOrDefault(symbol, 0L) != 0) {
                    out.add(symbol);
                }
            });
        }
        return out;
    }

    private static java.util.NavigableMap<LocalDate, Map<String, Long>> holdings(Record r) {
        java.util.NavigableMap<LocalDate, Map<String, Long>> out = new java.util.TreeMap<>();
        Map<String, Long> running = new TreeMap<>();
        for (String f : r.fills()) {
            LocalDate day = LocalDate.parse(f.substring(0, 10));
            boolean buy = f.contains(" BUY ");
            String symbol = f.substring(11, f.lastIndexOf(buy ? " BUY " : " SELL "));
            long q = Long.parseLong(f.substring(f.lastIndexOf(buy ? " BUY " : " SELL ") + (buy ? 5 : 6), f.indexOf(" @ ")));
            running.merge(symbol, buy ? q : -q, Long::sum);
            out.put(day, new TreeMap<>(running));
        }
        return out;
    }

    private static Set<String> contracts(Record r) {
        // "2023-07-05 QQQ   230818P00350000 SELL 1 @ 1.2300": the symbol (an OCC symbol has spaces) before the side
        return r.fills().stream().map(f -> f.substring(11, f.lastIndexOf(f.contains(" BUY ") ? " BUY " : " SELL ")))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Throws {@link ParityReplay.Killed} once, right after the broker accepted the condor's first opening order. */
    private static Broker killer(Broker paper, List<String> kills) {
        return new PaperForwardingBroker(paper) {
            @Override
            public List<BrokerOrder> submitMultiLeg(MultiLegOrderRequest request) {
                List<BrokerOrder> accepted = delegate.submitMultiLeg(request);
                if (kills.isEmpty() && request.clientOrderId().startsWith("ld-condor-") && request.legs().size() == 4) {
                    Set<String> held = delegate.positions().stream().map(BrokerPosition::symbol).collect(Collectors.toSet());
                    kills.add("after the broker accepted " + request.clientOrderId() + " (account holds " + held.size() + " positions)");
                    throw new ParityReplay.Killed(kills.get(0));
                }
                return accepted;
            }
        };
    }

    /** Runs {@code runs} in one paper account, each at 15:50 of every session from FROM to TO, in that order. */
    Map<String, Record> replay(List<StrategyRun> runs, UnaryOperator<Broker> wrap, List<String> kills) throws IOException {
        return replay(runs, wrap, kills, FROM, TO, new ArrayList<>());
    }

    /**
     * Runs {@code runs} in one paper account, each at 15:50 of every session from {@code from} to {@code to}; the
     * journal's {@code risk-denied} entries go to {@code denied} ("strategy: message").
     */
    Map<String, Record> replay(List<StrategyRun> runs, UnaryOperator<Broker> wrap, List<String> kills, String from, String to,
                               List<String> denied) throws IOException {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        BarSeries qqq = prices.barsUpTo("QQQ", LocalDate.parse(to));
        int first = qqq.indexAtOrAfter(LocalDate.parse(from));
        int last = qqq.indexAtOrBefore(LocalDate.parse(to));
        VisibleUntil visible = new VisibleUntil(prices, qqq.date(first - 1));
        SessionInstants sessions = SessionInstants.of(calendar);
        MovableClock clock = new MovableClock(sessions.open(qqq.date(first)).minusSeconds(3600));
        PaperSettings settings = new PaperSettings(new BigDecimal("100000.00"), 0, new CommissionModel(BigDecimal.ZERO, BigDecimal.ZERO));
        Path storeDir = Files.createTempDirectory(dir, "account");
        Map<String, List<String>> decisions = new LinkedHashMap<>();
        runs.forEach(r -> decisions.put(r.strategy().id(), new ArrayList<>()));
        Live live = new Live(storeDir, visible, clock, settings, chains, wrap);
        try {
            for (int i = first; i <= last; i++) {
                LocalDate day = qqq.date(i);
                visible.setLast(day);
                clock.set(sessions.close(day).minusSeconds(600));
                for (StrategyRun r : runs) {
                    RunResult result = live.run(r);
                    decisions.get(r.strategy().id()).add(day + " " + (result.decision().rebalance() ? result.decision().targets()
                            : "hold"));
                }
                clock.set(sessions.close(day).plusSeconds(60));
                live.paper.equityValue();
            }
            Map<String, Record> out = new TreeMap<>();
            Map<String, List<String>> fills = new TreeMap<>();
            List<StoredOrder> orders = new OrderRepository(live.store, clock).recent(100_000);
            orders.stream().filter(o -> o.filledQuantity().signum() > 0)
                    .sorted(Comparator.comparing((StoredOrder o) -> o.intent().tradingDay()).thenComparing(o -> o.intent().symbol())
                            .thenComparing(o -> o.intent().side()))
                    .forEach(o -> fills.computeIfAbsent(o.intent().strategyId(), k -> new ArrayList<>()).add(o.intent().tradingDay()
                            + " " + o.intent().symbol() + " " + o.intent().side() + " " + o.filledQuantity().stripTrailingZeros()
                            .toPlainString() + " @ " + o.filledAveragePrice().setScale(4, RoundingMode.HALF_EVEN)));
            decisions.forEach((id, d) -> out.put(id, new Record(d, fills.getOrDefault(id, List.of()))));
            new org.leverdesk.store.JournalRepository(live.store, clock).recent(100_000).stream()
                    .filter(e -> e.kind().equals("risk-denied")).sorted(Comparator.comparingLong(org.leverdesk.store.JournalEntry::id))
                    .forEach(e -> denied.add(e.strategyId() + ": " + e.message()));
            return out;
        } finally {
            live.store.close();
        }
    }

    /** The live runtime on one store; a {@link ParityReplay.Killed} abandons it, opens the store again and reconciles. */
    private final class Live {
        private final Path dir;
        private final MarketData visible;
        private final java.time.Clock clock;
        private final PaperSettings settings;
        private final SyntheticChains chains;
        private final UnaryOperator<Broker> wrap;
        Store store;
        PaperBroker paper;
        ExecutionService execution;

        Live(Path dir, MarketData visible, java.time.Clock clock, PaperSettings settings, SyntheticChains chains,
             UnaryOperator<Broker> wrap) {
            this.dir = dir;
            this.visible = visible;
            this.clock = clock;
            this.settings = settings;
            this.chains = chains;
            this.wrap = wrap;
            open();
        }

        private void open() {
            store = Store.open(dir);
            paper = new PaperBroker(store, visible, clock, calendar, settings, chains);
            ExecutionService e = new ExecutionService(wrap.apply(paper), visible, calendar, store, RiskSettings.defaults(),
                    TradingMode.PAPER, clock);
            e.setOptionChains(chains);
            paper.addOptionListener(ev -> e.recordOptionEvents(List.of(ev)));
            execution = e;
        }

        RunResult run(StrategyRun r) {
            for (int attempt = 0; ; attempt++) {
                try {
                    return execution.run(r, false, false);
                } catch (ParityReplay.Killed k) {
                    if (attempt > 3) {
                        throw new IllegalStateException("killed more than three times in one job", k);
                    }
                    store.close();
                    open();
                    execution.reconcile();
                }
            }
        }
    }
}
