package org.leverdesk.backtest.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.store.Store;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.BacktestService;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Target;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.regime.RegimeGates;
import org.leverdesk.testing.SharedPrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A regime backtest over all real TQQQ history with QQQ beside it, run as the app runs it
 * (BacktestService, decisions recorded), saved to H2 and loaded back: every day's decision returns
 * with its regime, signals, 16 gates, targets and summary intact, in order.
 */
class RegimeBacktestStoreRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(RegimeBacktestStoreRealDataTest.class);
    private static final LocalDate FROM = LocalDate.parse("2010-02-11");
    private static final LocalDate TO = LocalDate.parse("2025-09-26");

    @TempDir
    Path dir;

    @Test
    void everyDecisionOfASavedRegimeBacktestLoadsBackFieldByField() {
        NyseCalendar nyse = new NyseCalendar();
        BacktestService service = new BacktestService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(nyse)),
                nyse, StrategyCatalog.builtIn(), new MetricsCalculator());
        BacktestResult run = service.run(new BacktestRequest("regime", "TQQQ", FROM, TO, 10_000, CostModel.FREE, "TQQQ",
                Map.of()), ProgressListener.NONE, CancellationToken.NONE);
        List<Decision> decisions = run.decisions();
        assertEquals(run.equity().size(), decisions.size(), "one decision a trading day");
        assertTrue(decisions.size() > 3_900, "decisions: " + decisions.size());

        BacktestResult loaded;
        try (Store store = Store.open(dir)) {
            BacktestRunRepository repo = new BacktestRunRepository(store, Clock.fixed(Instant.parse("2026-03-02T21:05:00Z"),
                    ZoneOffset.UTC));
            long start = System.nanoTime();
            long id = repo.save(run);
            long saveMs = (System.nanoTime() - start) / 1_000_000;
            LOG.info("saved {} regime decisions in {} ms", decisions.size(), saveMs);
            loaded = repo.load(id).orElseThrow();
        }

        List<Decision> back = loaded.decisions();
        assertEquals(decisions.size(), back.size());
        for (String day : List.of("2010-02-11", "2020-03-03", "2022-04-06", "2025-09-26")) {
            int i = indexOf(decisions, LocalDate.parse(day));
            Decision d = decisions.get(i);
            Decision r = back.get(i);
            assertEquals(d.date(), r.date());
            assertEquals("regime", r.strategyId());
            assertEquals(d.rebalance(), r.rebalance(), day);
            assertEquals(d.targets(), r.targets(), day);
            assertEquals(d.explanation().summary(), r.explanation().summary(), day);
            assertEquals(d.explanation().regime(), r.explanation().regime(), day);
            assertEquals(List.copyOf(d.explanation().signals().keySet()), List.copyOf(r.explanation().signals().keySet()), day);
            assertEquals(d.explanation().signals(), r.explanation().signals(), day); // NaN warm-up values included
            assertEquals(RegimeGates.NAMES, r.explanation().gates().stream().map(GateResult::name).toList(), day);
            assertEquals(d.explanation().gates(), r.explanation().gates(), day);
        }
        // Hand-checked days: the emergency exits of 2020-03-03 (volatility) and 2022-04-06 (BREAKDOWN) sold to flat.
        Decision covid = back.get(indexOf(back, LocalDate.parse("2020-03-03")));
        assertTrue(covid.explanation().summary().startsWith("EMERGENCY EXIT (extreme volatility 36.06%)"), covid.toString());
        assertEquals(List.of(new Target("TQQQ", 0)), covid.targets());
        Decision breakdown = back.get(indexOf(back, LocalDate.parse("2022-04-06")));
        assertEquals("BREAKDOWN", breakdown.explanation().regime());
        assertEquals(List.of(new Target("TQQQ", 0)), breakdown.targets());
        assertTrue(breakdown.explanation().gates().stream().anyMatch(g -> g.name().equals(RegimeGates.REGIME_ALLOWS_LONG)
                && !g.passed() && g.reason().equals("BREAKDOWN allows no exposure")));
        // and the whole list, in trading-day order
        assertEquals(decisions, back);
        assertEquals(run.fills(), loaded.fills());
        assertEquals(run.metrics(), loaded.metrics());
    }

    private static int indexOf(List<Decision> decisions, LocalDate day) {
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).date().equals(day)) {
                return i;
            }
        }
        throw new AssertionError("no decision on " + day);
    }
}
