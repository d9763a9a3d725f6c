package org.leverdesk.strategy.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.BacktestConfig;
import org.leverdesk.backtest.BacktestEngine;
import org.leverdesk.backtest.BacktestResult;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.backtest.metrics.MetricsCalculator;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.backtest.OptionSummary;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvDirectoryMarketData;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.options.data.OptionMarketFiles;
import org.leverdesk.testing.SharedPrices;

/**
 * The wheel on real QQQ closes, VXN and DGS3MO (2021-01-04 .. 2025-09-26, $100,000, one contract, puts and
 * calls 3% out of the money, 7-10 DTE), run through the one engine; pinned, with the first put and the first
 * assignment checked by hand. Skipped when ../shared/data is absent.
 */
class WheelBacktestRealDataTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    private static BacktestResult result;
    private static SyntheticChains chains;
    private static MarketData prices;

    @BeforeAll
    static void run() {
        Path dir = SharedPrices.dir();
        prices = new CsvDirectoryMarketData(dir, new CsvBarReader(NYSE));
        chains = OptionMarketFiles.realMarket(OptionMarketFiles.besidePrices(dir), prices, NYSE);
        LocalDate from = LocalDate.of(2021, 1, 4);
        LocalDate to = LocalDate.of(2025, 9, 26);
        WheelStrategy wheel = new WheelStrategy(WheelConfig.parse("QQQ", Map.of(), WheelConfig.Mode.WHEEL));
        result = new BacktestEngine(NYSE, new MetricsCalculator(0), chains).run(wheel, Map.of("QQQ", prices.barsUpTo("QQQ", to)),
                "QQQ", new BacktestConfig(from, to, 100_000, CostModel.FREE, false, "QQQ", false), "test",
                ProgressListener.NONE, CancellationToken.NONE);
    }

    private static double close(LocalDate day) {
        return prices.bars("QQQ", day, day).close(0);
    }

    @Test
    void theFirstPutIsSoldAtTheChainsBidAndExpiresWorthless() {
        // 2021-01-04 is a Monday: the next Friday is 4 days out and the one after 11, so nothing in 7-10 DTE.
        // 2021-01-05: QQQ closed 312.xx; 0.97 × close is nearest the 303 strike; 2021-01-15 is 10 days out.
        LocalDate day = LocalDate.of(2021, 1, 5);
        assertEquals(303, Math.round(close(day) * 0.97));
        OptionContract put = OptionContract.of("QQQ", LocalDate.of(2021, 1, 15), OptionRight.PUT, "303");
        Fill sold = result.fills().get(0);
        assertEquals(day, sold.date());
        assertEquals(put.occSymbol(), sold.symbol());
        assertEquals("QQQ   210115P00303000", sold.symbol());
        assertEquals(Side.SELL, sold.side());
        assertEquals(1, sold.quantity());
        // sold at the synthetic chain's bid at that close: $2.54 a share, $254 a contract
        assertEquals(chains.quote(put, day, close(day)).bid(), sold.price(), 1e-12);
        assertEquals(2.54, sold.price(), 1e-12);
        Fill expired = result.fills().get(1);
        assertEquals(LocalDate.of(2021, 1, 15), expired.date());
        assertEquals(0, expired.price(), 0);
        assertEquals("QQQ 210115P00303000 expired worthless (QQQ closed $311.86)", expired.reason());
        // the round trip is the premium: (2.54 − 0) × 1 × 100
        assertEquals(254.0, result.roundTrips().get(0).profit(), 1e-9);
    }

    @Test
    void theFirstAssignmentBuysOneHundredSharesAtTheStrike() {
        // 2021-02-16: sold the 325 put expiring 2021-02-26 for 2.53 ($253); QQQ closed 314.14 that Friday,
        // $10.86 in the money: assigned, 100 shares bought at 325 = $32,500, worth $31,414 at the close:
        // −$1,086 on the shares, +$253 of premium kept, −$833 for the cycle at that close.
        Fill put = result.fills().get(6);
        assertEquals("QQQ   210226P00325000", put.symbol());
        assertEquals(LocalDate.of(2021, 2, 16), put.date());
        assertEquals(2.53, put.price(), 1e-12);
        Fill optionLeg = result.fills().get(7);
        Fill shares = result.fills().get(8);
        assertEquals(LocalDate.of(2021, 2, 26), shares.date());
        assertEquals(314.14, close(shares.date()), 1e-4);
        assertEquals("QQQ", shares.symbol());
        assertEquals(Side.BUY, shares.side());
        assertEquals(100, shares.quantity());
        assertEquals(325.0, shares.price(), 0);
        assertEquals(-32_500.0, shares.cashDelta(), 1e-9);
        assertEquals(0, optionLeg.price(), 0);
        assertEquals("QQQ 210226P00325000 assigned: bought 100 QQQ at $325.00 (QQQ closed $314.14)", shares.reason());
        assertEquals(-833.0, (314.14 - 325) * 100 + 253, 1e-9);
        // then covered calls 3% above: the 328 call of 2021-03-12 for 1.94
        Fill call = result.fills().get(9);
        assertEquals("QQQ   210312C00328000", call.symbol());
        assertEquals(Side.SELL, call.side());
        assertEquals(1.94, call.price(), 1e-12);
    }

    @Test
    void theRunIsPinnedAndItsProfitIsPremiumPlusShares() {
        assertEquals(238, result.fills().size());
        assertEquals(119, result.roundTrips().size());
        assertEquals(107_149.90, result.metrics().finalEquity(), 0.005);
        assertEquals(-0.12414469228, result.metrics().maxDrawdown(), 1e-9);
        OptionSummary o = OptionSummary.of(result.fills());
        assertEquals(108, o.optionsSold());
        assertEquals(20_661.00, o.premiumCollected(), 0.005);
        assertEquals(0, o.premiumPaid(), 0);
        assertEquals(11, o.putAssignments());
        assertEquals(11, o.callAssignments());
        assertEquals(86, o.expiredWorthless());
        // flat at the end (the last call was assigned or expired): equity − capital = premium + share P&L
        assertEquals(0, result.equity().get(result.equity().size() - 1).positionValue(), 1e-9);
        double shareCash = 0;
        for (Fill f : result.fills()) {
            if (!OptionSymbols.isOption(f.symbol())) {
                shareCash += f.cashDelta();
            }
        }
        // shares bought at put strikes and called away at call strikes: −$14,000 net; QQQ's dividends on the
        // shares held through ex-dates: $488.90
        assertEquals(-14_000.00, shareCash, 0.005);
        double dividends = result.dividends().stream().mapToDouble(d -> d.amount()).sum();
        assertEquals(488.90, dividends, 0.005);
        assertEquals(result.metrics().finalEquity() - 100_000, o.optionPnl() + shareCash + dividends, 0.005);
        // the report layer's split says the same: premium $20,661.00, stock −$14,000.00 + $488.90 = −$13,511.10;
        // 108 puts and calls sold, 11 assignments, 11 call-aways, 86 expiries as events for the chart
        org.leverdesk.backtest.OptionResults split = org.leverdesk.backtest.OptionResults.of(result);
        assertEquals(Map.of(), result.closingOptionValues());
        assertEquals(20_661.00, split.premiumPnl(), 0.005);
        assertEquals(-13_511.10, split.stockPnl(), 0.005);
        assertEquals(11, split.count(org.leverdesk.backtest.OptionResults.Kind.PUT_ASSIGNED));
        assertEquals(11, split.count(org.leverdesk.backtest.OptionResults.Kind.CALLED_AWAY));
        assertEquals(86, split.count(org.leverdesk.backtest.OptionResults.Kind.EXPIRED));
        assertEquals(108, split.count(org.leverdesk.backtest.OptionResults.Kind.PUT_SOLD)
                + split.count(org.leverdesk.backtest.OptionResults.Kind.CALL_SOLD));
        // every option sold passed the guards: one contract, |delta| 0.05..0.40, bid ≥ $0.10
        for (Fill f : result.fills()) {
            if (OptionSymbols.isOption(f.symbol()) && f.side() == Side.SELL) {
                assertEquals(1, f.quantity());
                assertTrue(f.price() >= 0.10, f.toString());
            }
        }
    }
}
