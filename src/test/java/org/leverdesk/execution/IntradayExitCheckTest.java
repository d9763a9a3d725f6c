package org.leverdesk.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.broker.paper.PaperSettings;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.VisibleUntil;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.schedule.DayPlan;
import org.leverdesk.schedule.JobCalendar;
import org.leverdesk.schedule.JobDefinition;
import org.leverdesk.schedule.ScheduleDefaults;
import org.leverdesk.schedule.ScheduledJob;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.testing.SharedPrices;

/**
 * Issue 16 §2: the spreads' exits are checked every 10 minutes of the session. On the paper broker with the
 * synthetic chains of real QQQ/VXN/DGS3MO and a simulated clock moved to each of the scheduler's own jobs, the
 * daily run of 2012-01-03 opens the first bull put spread (sell the 54 put, buy the 49), and on 2012-01-04 the
 * 10-minute check holds while QQQ stands at its previous close, then — QQQ having fallen 12% between two checks —
 * closes the spread by its stop, one multi-leg order through the same decision cycle, journalled; an exit check
 * never opens a position. Skipped when ../shared/data is absent.
 */
class IntradayExitCheckTest {
    private final NyseCalendar calendar = new NyseCalendar();
    private Path dir;

    @AfterEach
    void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theTenMinuteCheckClosesASpreadWhoseStopIsCrossedDuringTheSession() throws IOException {
        MarketData prices = new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar));
        SyntheticChains chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(SharedPrices.dir()), prices, calendar);
        StrategySettings settings = new StrategySettings("spreads", true, 1.0, Map.of(), null);
        List<JobDefinition> jobs = TradingRuntime.jobsOf(AppConfig.defaults().withStrategy(settings)).stream()
                .filter(j -> j.strategyId().equals("spreads")).toList();
        assertEquals(Set.of("run", ScheduleDefaults.EXITS_JOB), Set.copyOf(jobs.stream().map(JobDefinition::name).toList()));

        LocalDate d0 = LocalDate.parse("2012-01-03");
        LocalDate d1 = LocalDate.parse("2012-01-04");
        Intraday market = new Intraday(new VisibleUntil(prices, d0));
        MovingClock clock = new MovingClock(d0.atTime(9, 0).atZone(NyseCalendar.ZONE).toInstant());
        dir = Files.createTempDirectory("leverdesk-exits10m");
        try (Store store = Store.open(dir)) {
            PaperBroker paper = new PaperBroker(store, market, clock, calendar,
                    new PaperSettings(new BigDecimal("100000.00"), 0, org.leverdesk.broker.sim.CommissionModel.FREE), chains);
            ExecutionService execution = new ExecutionService(paper, market, calendar, store, RiskSettings.defaults(),
                    TradingMode.PAPER, clock);
            execution.setOptionChains(chains);
            StrategyRun run = new StrategyRun(StrategyCatalog.builtIn().require("spreads").factory().create("QQQ", Map.of()), 1,
                    null, 1.0);
            JobCalendar jobCalendar = new JobCalendar(calendar);

            // Day 0: the daily run at 15:50 opens the spread (the exit checks before it find nothing to close).
            List<ScheduledJob> day0 = DayPlan.of(d0, jobs, jobCalendar).jobs();
            assertEquals(38, day0.stream().filter(j -> j.name().equals(ScheduleDefaults.EXITS_JOB)).count(),
                    "09:40 … 15:50 every 10 minutes");
            ScheduledJob run0 = day0.stream().filter(j -> j.name().equals("run")).findFirst().orElseThrow();
            clock.set(run0.instant());
            RunResult opened = execution.run(run, false);
            assertTrue(opened.decision().explanation().summary().contains("bull put spread"), opened.decision().explanation().summary());
            assertEquals(2, optionLegs(paper).size(), optionLegs(paper).toString());

            // Day 1: the session's exit checks, QQQ at the previous close for the first one, 12% lower from the second.
            market.last = d1;
            double previousClose = prices.bars("QQQ", d0, d0).close(0);
            List<ScheduledJob> checks = DayPlan.of(d1, jobs, jobCalendar).jobs().stream()
                    .filter(j -> j.name().equals(ScheduleDefaults.EXITS_JOB)).toList();
            assertEquals("09:40", checks.get(0).time().toString());

            market.price = previousClose;
            clock.set(checks.get(0).instant());
            RunResult calm = execution.run(run, false, true);
            assertFalse(calm.decision().rebalance(), calm.decision().explanation().summary());
            assertTrue(calm.decision().explanation().summary().startsWith("exit check: 1 position(s) open"),
                    calm.decision().explanation().summary());
            assertNull(calm.decisionId(), "an exit check that closes nothing is not recorded");
            assertEquals(2, optionLegs(paper).size());

            market.price = previousClose * 0.88;
            clock.set(checks.get(1).instant());
            assertEquals("09:50", checks.get(1).time().toString());
            RunResult stopped = execution.run(run, false, true);
            String summary = stopped.decision().explanation().summary();
            assertTrue(summary.contains(": stop"), summary);
            assertNotNull(stopped.decisionId(), "the closing exit check is recorded as a decision");
            assertTrue(optionLegs(paper).isEmpty(), "the spread is closed: " + optionLegs(paper));
            assertEquals(4, paper.fills().size(), "two legs in, two legs out: " + paper.fills());
            List<JournalEntry> decisions = new JournalRepository(store, clock).recent(200).stream()
                    .filter(e -> e.message().contains(": stop")).toList();
            assertFalse(decisions.isEmpty(), "the stop exit is journalled");

            // The next check holds: nothing open, and an exit check never opens a new position.
            clock.set(checks.get(2).instant());
            RunResult after = execution.run(run, false, true);
            assertFalse(after.decision().rebalance(), after.decision().explanation().summary());
            assertTrue(optionLegs(paper).isEmpty());
        }
    }

    private static List<BrokerPosition> optionLegs(PaperBroker paper) {
        return paper.positions().stream().filter(p -> p.symbol().length() > 6).toList();
    }

    /** The simulated clock, moved to each job's minute (any zone: the execution asks for New York's). */
    private static final class MovingClock extends java.time.Clock {
        private volatile java.time.Instant now;

        MovingClock(java.time.Instant start) {
            now = start;
        }

        void set(java.time.Instant at) {
            now = at;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            MovingClock self = this;
            return new java.time.Clock() {
                @Override
                public java.time.Instant instant() {
                    return self.now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return zone;
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId other) {
                    return self.withZone(other);
                }
            };
        }
    }

    /** The visible bars, with the day's provisional QQQ bar at a price the test moves between checks. */
    private static final class Intraday implements MarketData {
        private final VisibleUntil visible;
        volatile LocalDate last;
        volatile double price = Double.NaN;

        Intraday(VisibleUntil visible) {
            this.visible = visible;
        }

        @Override
        public String sourceLabel() {
            return visible.sourceLabel();
        }

        @Override
        public boolean isSimulated() {
            return visible.isSimulated();
        }

        @Override
        public Set<String> symbols() {
            return visible.symbols();
        }

        @Override
        public BarSeries bars(String symbol, LocalDate from, LocalDate to) {
            if (last == null || !symbol.equals("QQQ") || to.isBefore(last)) {
                return visible.bars(symbol, from, to);
            }
            // Bars before the day, then the day's provisional bar at the test's price.
            List<Bar> list = new ArrayList<>(visible.bars(symbol, from, last.minusDays(1)).bars());
            list.add(new Bar(last, price, price, price, price, 1_000_000, price));
            return BarSeries.of(symbol, list);
        }
    }
}
