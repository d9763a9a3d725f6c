package org.leverdesk.research.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.EquityPoint;
import org.leverdesk.backtest.RoundTrip;
import org.leverdesk.research.TradeReturns;

class MonteCarloTest {

    @Test
    void identicalTradesGiveOnePath() {
        MonteCarloResult r = MonteCarlo.run(new MonteCarloRequest(new double[] {0.1, 0.1, 0.1}, 1000, 2, 200, 1, 0.3));
        double end = 1000 * 1.1 * 1.1 * 1.1;
        assertEquals(new Quantiles(end, end, end), r.finalEquity());
        assertEquals(0, r.maxDrawdown().p5());
        assertEquals(Math.sqrt(1.331) - 1, r.cagr().p50(), 1e-12, "(E_n/C)^(1/years) - 1 over 2 years");
        assertEquals(0, r.probabilityDrawdownWorse());
        assertArrayEquals(new double[] {1000, 1100, 1210, end}, r.equity().p50(), 1e-9);
        assertArrayEquals(r.observedEquity(), r.equity().p95(), 1e-9);
    }

    @Test
    void twoTradesOfPlusAndMinusFiftyPercent() {
        // Paths: (+,+) 2.25, (+,-) 0.75, (-,+) 0.75, (-,-) 0.25 of the capital, each 1/4.
        // Max drawdowns: 0, -50%, -50%, -75%. P(drawdown worse than -60%) = P(-,-) = 1/4.
        MonteCarloResult r = MonteCarlo.run(new MonteCarloRequest(new double[] {0.5, -0.5}, 100, 1, 100_000, 42, 0.6));
        assertEquals(new Quantiles(25, 75, 225), r.finalEquity(), "the 5th/50th/95th percentiles fall inside the 1/4 masses");
        assertEquals(new Quantiles(-0.75, -0.5, 0), r.maxDrawdown());
        assertEquals(0.25, r.probabilityDrawdownWorse(), 0.01);
        assertEquals(50, r.equity().p5()[1]);
        assertEquals(150, r.equity().p95()[1]);
        assertEquals(new Quantiles(-0.75, -0.25, 1.25), r.cagr(), "one year: CAGR = final/capital - 1");
    }

    @Test
    void theSeedFixesThePaths() {
        double[] trades = {0.05, -0.03, 0.02, -0.08, 0.11, 0.01};
        MonteCarloResult a = MonteCarlo.run(new MonteCarloRequest(trades, 10_000, 3, 1000, 7, 0.1));
        MonteCarloResult b = MonteCarlo.run(new MonteCarloRequest(trades, 10_000, 3, 1000, 7, 0.1));
        MonteCarloResult c = MonteCarlo.run(new MonteCarloRequest(trades, 10_000, 3, 1000, 8, 0.1));
        assertEquals(a.finalEquity(), b.finalEquity());
        assertArrayEquals(a.drawdown().p5(), b.drawdown().p5());
        assertNotEquals(a.finalEquity(), c.finalEquity());
        assertTrue(a.equity().p5()[6] <= a.equity().p50()[6] && a.equity().p50()[6] <= a.equity().p95()[6]);
    }

    @Test
    void badRequestsSayWhy() {
        assertThrows(IllegalArgumentException.class, () -> MonteCarloRequest.of(new double[0], 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> new MonteCarloRequest(new double[] {0.1}, 1000, 1, 0, 1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new MonteCarloRequest(new double[] {0.1}, 1000, 1, 10, 1, 30));
        assertThrows(IllegalArgumentException.class, () -> new MonteCarloRequest(new double[] {-1.0}, 1000, 1, 10, 1, 0.3));
    }

    @Test
    void tradeReturnsAreProfitOverTheAccountOnTheEntryDay() {
        LocalDate d1 = LocalDate.of(2024, 1, 2);
        LocalDate d2 = LocalDate.of(2024, 1, 3);
        LocalDate d3 = LocalDate.of(2024, 1, 4);
        List<EquityPoint> eq = List.of(new EquityPoint(d1, 10_000, 1000, 9000), new EquityPoint(d2, 10_900, 1000, 9900),
                new EquityPoint(d3, 10_900, 10_900, 0));
        // bought 90 shares at 100 on d1 (90% of $10,000), sold at 110 on d3: +$900 = +9% of the account
        List<RoundTrip> trips = List.of(new RoundTrip("TQQQ", d1, 100, d3, 110, 90, 900));
        BacktestResult result = new BacktestResult("rsi2", "TQQQ", new BacktestConfig(d1, d3, 10_000, CostModel.FREE, false,
                "TQQQ", false), "test", eq, new double[3], null, null, List.of(), trips, List.of());
        assertArrayEquals(new double[] {0.09}, TradeReturns.of(result), 1e-12);
    }
}
