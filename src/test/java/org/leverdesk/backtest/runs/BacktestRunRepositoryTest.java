package org.leverdesk.backtest.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.DecisionRepository;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.backtest.metrics.Metrics;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;

class BacktestRunRepositoryTest {
    private static final Instant T1 = Instant.parse("2026-03-02T21:05:00Z");
    private static final Instant T2 = Instant.parse("2026-03-03T08:00:00Z");
    private static final LocalDate D1 = LocalDate.of(2024, 1, 2);
    private static final LocalDate D2 = LocalDate.of(2024, 1, 3);
    private static final LocalDate D3 = LocalDate.of(2024, 1, 4);

    @TempDir
    Path dir;
    private Store store;
    private BacktestRunRepository repo;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        repo = new BacktestRunRepository(store, Clock.fixed(T1, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Metrics of a run without a closed trade: the trade statistics are NaN, profit factor infinite. */
    private static Metrics metrics(double totalReturn, double finalEquity) {
        return new Metrics(totalReturn, 0.31, 0.18, 1.25, Double.NaN, -0.0725, D1, D2, 4.2, 0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, 0.66, finalEquity);
    }

    private static BacktestResult result(String strategy, boolean withBenchmark) {
        BacktestConfig cfg = new BacktestConfig(D1, D3, 10_000, new CostModel(1.0, 0.005, 5), true,
                withBenchmark ? "QQQ" : null, true);
        List<EquityPoint> equity = List.of(
                new EquityPoint(D1, 10_000, 10_000, 0),
                new EquityPoint(D2, 10_150.5, 150.25, 10_000.25),
                new EquityPoint(D3, 10_310.75, 10_309.25, 0));
        List<Fill> fills = List.of(
                new Fill(D1, "TQQQ", Side.BUY, 200, 49.0, 2.0, "trend up"),
                new Fill(D3, "TQQQ", Side.SELL, 200, 51.5, 2.0, null));
        List<RoundTrip> trips = List.of(new RoundTrip("TQQQ", D1, 49.0, D3, 51.5, 200, 496.0));
        List<Decision> decisions = List.of(
                new Decision(D1, strategy, true, List.of(new Target("TQQQ", 200)),
                        new Explanation("enter: close above SMA200", Map.of("close", 49.0, "sma200", 45.5),
                                List.of(GateResult.pass("trend", "close=49.0 sma=45.5", "above")), "BULL")),
                Decision.hold(D2, strategy, "no change"));
        return new BacktestResult(strategy, "TQQQ", cfg, "CSV /prices", equity,
                withBenchmark ? new double[] {10_000, 10_050, Double.NaN} : null,
                metrics(0.031075, 10_310.75), withBenchmark ? metrics(0.01, 10_100) : null,
                fills, trips, decisions);
    }

    @Test
    void savedRunLoadsBackFieldForField() {
        BacktestResult in = result("sma-trend", true);
        long id = repo.save(in, Map.of("fast", "50", "slow", "200"), null);
        BacktestResult out = repo.load(id).orElseThrow();

        assertEquals(in.strategyId(), out.strategyId());
        assertEquals(in.symbol(), out.symbol());
        assertEquals(in.config(), out.config());
        assertEquals(in.dataSource(), out.dataSource());
        assertEquals(in.equity(), out.equity());
        assertArrayEquals(in.benchmarkEquity(), out.benchmarkEquity());
        assertEquals(in.fills(), out.fills());
        assertEquals(in.roundTrips(), out.roundTrips());
        assertEquals(in.decisions(), out.decisions());
        // Records compare doubles with Double.compare, so NaN and infinities must come back as they were.
        assertEquals(in.metrics(), out.metrics());
        assertEquals(in.benchmarkMetrics(), out.benchmarkMetrics());
        assertTrue(Double.isNaN(out.metrics().winRate()));
        assertEquals(Double.POSITIVE_INFINITY, out.metrics().profitFactor());
    }

    @Test
    void runWithoutBenchmarkLoadsWithoutOne() {
        long id = repo.save(result("sma-trend", false));
        BacktestResult out = repo.load(id).orElseThrow();
        assertNull(out.benchmarkEquity());
        assertNull(out.benchmarkMetrics());
        assertNull(out.config().benchmarkSymbol());
    }

    @Test
    void listShowsNewestFirstWithParametersAndHeadlineNumbers() {
        long first = repo.save(result("sma-trend", true), Map.of("slow", "200"), null);
        long second = new BacktestRunRepository(store, Clock.fixed(T2, ZoneOffset.UTC)).save(result("rebalance", false));
        assertEquals(List.of(
                new BacktestRunSummary(second, "rebalance", null, "TQQQ", D1, D3, T2, Map.of(), 0.031075, 10_310.75,
                        "CSV /prices"),
                new BacktestRunSummary(first, "sma-trend", null, "TQQQ", D1, D3, T1, Map.of("slow", "200"), 0.031075,
                        10_310.75, "CSV /prices")), repo.list());
    }

    @Test
    void unknownRunIsEmpty() {
        assertTrue(repo.load(999).isEmpty());
    }

    @Test
    void deleteRemovesTheRunAndEverythingThatBelongsToIt() {
        long id = repo.save(result("sma-trend", true));
        long other = repo.save(result("sma-trend", true));
        assertTrue(repo.delete(id));
        assertFalse(repo.delete(id));
        assertTrue(repo.load(id).isEmpty());
        assertEquals(List.of(other), repo.list().stream().map(BacktestRunSummary::id).toList());
        for (String table : List.of("backtest_equity", "backtest_fills", "backtest_round_trips", "decisions")) {
            int rows = store.read("count", c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table + " WHERE "
                        + (table.equals("decisions") ? "backtest_run_id" : "run_id") + " = " + id)) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, rows, table);
        }
    }

    @Test
    void savedRunDecisionsDoNotShowInTheLiveDecisionList() {
        repo.save(result("sma-trend", true));
        assertEquals(List.of(), new DecisionRepository(store, Clock.systemUTC()).list("sma-trend", D1, D3));
    }

    @Test
    void mismatchedBenchmarkLengthIsRejectedAndNothingIsSaved() {
        BacktestResult ok = result("sma-trend", true);
        BacktestResult bad = new BacktestResult(ok.strategyId(), ok.symbol(), ok.config(), ok.dataSource(), ok.equity(),
                new double[] {1, 2}, ok.metrics(), ok.benchmarkMetrics(), ok.fills(), ok.roundTrips(), ok.decisions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repo.save(bad));
        assertEquals("benchmark equity has 2 points but equity has 3; they must share dates", e.getMessage());
        assertEquals(List.of(), repo.list());
    }

    @Test
    void aFailingFillRollsBackTheWholeRun() {
        BacktestResult ok = result("sma-trend", true);
        // Quantity 0 breaks ck_backtest_fills_quantity after the run row and equity are written.
        List<Fill> fills = List.of(ok.fills().get(0), new Fill(D2, "TQQQ", Side.SELL, 0, 50, 0, "bad"));
        BacktestResult bad = new BacktestResult(ok.strategyId(), ok.symbol(), ok.config(), ok.dataSource(), ok.equity(),
                ok.benchmarkEquity(), ok.metrics(), ok.benchmarkMetrics(), fills, ok.roundTrips(), ok.decisions());
        StoreException e = assertThrows(StoreException.class, () -> repo.save(bad));
        assertTrue(e.getMessage().startsWith("could not save the backtest of sma-trend on TQQQ"), e.getMessage());
        assertEquals(List.of(), repo.list());
        int equityRows = store.read("count", c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM backtest_equity")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, equityRows);
    }
}
