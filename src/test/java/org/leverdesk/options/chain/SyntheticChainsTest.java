package org.leverdesk.options.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.market.DailySeries;
import org.leverdesk.options.market.DividendYield;
import org.leverdesk.options.market.OptionInputException;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;
import org.leverdesk.options.pricing.BlackScholes;
import org.leverdesk.options.surface.SurfaceParameters;

class SyntheticChainsTest {
    private static final NyseCalendar NYSE = new NyseCalendar();
    private static final LocalDate DAY = LocalDate.of(2025, 1, 2);
    private static final double SPOT = 480.37;
    private static final double R = RiskFreeRate.continuousFromBillPercent(5.0);
    private static final double Q = 0.006;

    /** VXN 20 from 2024-12-02 on, 30 on 2025-01-03 (the day after DAY), bills at 5%, a constant 0.6% yield. */
    private static SyntheticChains chains(SurfaceParameters surface) {
        List<LocalDate> days = NYSE.tradingDays(LocalDate.of(2024, 12, 2), LocalDate.of(2025, 2, 28));
        double[] levels = new double[days.size()];
        double[] bills = new double[days.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = days.get(i).isAfter(DAY) ? 30 : 20;
            bills[i] = 5.0;
        }
        LocalDate[] dates = days.toArray(LocalDate[]::new);
        VolatilityIndex vxn = VolatilityIndex.of(DailySeries.of("VXN", dates, levels, 5));
        RiskFreeRate rates = RiskFreeRate.treasuryBills(DailySeries.of("DGS3MO", dates, bills, 10), 0.03);
        UnderlyingSetup qqq = UnderlyingSetup.defaults("QQQ", vxn, DividendYield.constant(Q)).withSurface(surface);
        return new SyntheticChains(NYSE, rates, List.of(qqq));
    }

    /** A flat smile and flat term structure: every option is priced at the index level. */
    private static final SurfaceParameters FLAT = new SurfaceParameters(0, 0, 4, 0, 0.2, 0.02);
    private final SyntheticChains flat = chains(FLAT);
    private final SyntheticChains skewed = chains(SurfaceParameters.forIndex("VXN"));

    @Test
    void twoExpiriesOfFortyOneStrikesBothRights() {
        OptionChain chain = skewed.chain("QQQ", DAY, SPOT, new ChainFilter(7, 45, 2, 20));
        assertEquals(List.of(new Expiry(LocalDate.of(2025, 1, 10), false), new Expiry(LocalDate.of(2025, 1, 17), true)),
                chain.expiries());
        assertEquals(2 * 41 * 2, chain.quotes().size());
        List<OptionQuote> puts = chain.quotes(LocalDate.of(2025, 1, 17), OptionRight.PUT);
        assertEquals(41, puts.size());
        assertEquals(new BigDecimal("460.000"), puts.get(0).contract().strike());
        assertEquals(new BigDecimal("500.000"), puts.get(40).contract().strike());
        assertEquals("QQQ   250117P00480000", puts.get(20).contract().occSymbol());
        assertEquals("VXN", chain.inputs().index().source());
        assertEquals(20, chain.inputs().index().level(), 0);
        assertEquals(R, chain.rate(), 1e-15);
        assertEquals(Q, chain.dividendYield(), 0);
    }

    @Test
    void flatSurfacePricesEveryOptionWithBlackScholesAtTheIndexLevel() {
        OptionChain chain = flat.chain("QQQ", DAY, SPOT, new ChainFilter(7, 45, 2, 20));
        OptionContract put = OptionContract.of("QQQ", LocalDate.of(2025, 1, 17), OptionRight.PUT, "470");
        OptionQuote q = chain.find(put).orElseThrow();
        double t = 15 / 365.0;
        assertEquals(0.20, q.impliedVolatility(), 1e-4);
        assertEquals(BlackScholes.price(OptionRight.PUT, SPOT, 470, t, R, Q, q.impliedVolatility()), q.mark(), 1e-12);
        // Bid and ask: 2% of the mark around it (the mark is above $1), on QQQ's penny tick.
        double half = Math.max(0.02, 0.02 * q.mark()) / 2;
        assertEquals(Math.floor((q.mark() - half) * 100) / 100, q.bid(), 1e-9);
        assertEquals(Math.ceil((q.mark() + half) * 100) / 100, q.ask(), 1e-9);
        assertTrue(q.bid() < q.mark() && q.mark() < q.ask());
    }

    @Test
    void marksKeepPutCallParityExceptWhereFlooredAtIntrinsic() {
        OptionChain chain = skewed.chain("QQQ", DAY, SPOT, new ChainFilter(7, 45, 3, 30));
        for (Expiry e : chain.expiries()) {
            double t = e.daysFrom(DAY) / 365.0;
            List<OptionQuote> calls = chain.quotes(e.date(), OptionRight.CALL);
            List<OptionQuote> puts = chain.quotes(e.date(), OptionRight.PUT);
            for (int i = 0; i < calls.size(); i++) {
                double k = calls.get(i).contract().strikeValue();
                assertEquals(calls.get(i).impliedVolatility(), puts.get(i).impliedVolatility(), 0, "one smile for both rights");
                if (puts.get(i).greeks().gamma() > 0) {
                    assertEquals(SPOT * Math.exp(-Q * t) - k * Math.exp(-R * t), calls.get(i).mark() - puts.get(i).mark(), 1e-9,
                            "parity at " + k + " " + e.date());
                }
            }
        }
    }

    @Test
    void skewMakesOutOfTheMoneyPutsDearerThanCalls() {
        OptionChain chain = skewed.chain("QQQ", DAY, SPOT, new ChainFilter(14, 16, 1, 20));
        LocalDate e = chain.expiries().get(0).date();
        double putVol = chain.nearestOtm(e, OptionRight.PUT, 0.03).orElseThrow().impliedVolatility();
        double callVol = chain.nearestOtm(e, OptionRight.CALL, 0.03).orElseThrow().impliedVolatility();
        double atmVol = chain.find(OptionContract.of("QQQ", e, OptionRight.CALL, "480")).orElseThrow().impliedVolatility();
        assertTrue(putVol > atmVol && atmVol > callVol, putVol + " / " + atmVol + " / " + callVol);
        // The 30-day ATM volatility sits below the index: about 0.92 × VXN with the default smile.
        assertEquals(0.92, chain.inputs().atm30() / 0.20, 0.01);
    }

    @Test
    void deepInTheMoneyPutIsWorthItsIntrinsicValue() {
        // A European put 25% in the money with 5% rates is worth less than K − S; an American one is exercised.
        OptionQuote q = flat.quote(OptionContract.of("QQQ", LocalDate.of(2025, 2, 21), OptionRight.PUT, "600"), DAY, SPOT);
        assertEquals(600 - SPOT, q.mark(), 1e-12);
        assertEquals(-1, q.delta(), 0);
        assertEquals(0, q.greeks().gamma(), 0);
    }

    @Test
    void quoteOfAHeldContractMatchesTheChainAndWorksOffTheGrid() {
        OptionChain chain = skewed.chain("QQQ", DAY, SPOT, new ChainFilter(7, 45, 2, 20));
        OptionContract onGrid = OptionContract.of("QQQ", LocalDate.of(2025, 1, 10), OptionRight.CALL, "485");
        assertEquals(chain.find(onGrid).orElseThrow(), skewed.quote(onGrid, DAY, SPOT));
        OptionQuote offGrid = skewed.quote(OptionContract.of("QQQ", LocalDate.of(2025, 1, 10), OptionRight.CALL, "485.5"), DAY, SPOT);
        assertTrue(offGrid.mark() < chain.find(onGrid).orElseThrow().mark());
    }

    @Test
    void atExpiryAQuoteIsIntrinsicAndAfterItThereIsNone() {
        OptionContract c = OptionContract.of("QQQ", DAY, OptionRight.CALL, "470");
        OptionQuote q = skewed.quote(c, DAY, SPOT);
        assertEquals(SPOT - 470, q.mark(), 1e-12);
        assertEquals(1, q.delta(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> skewed.quote(c, DAY.plusDays(1), SPOT));
        assertTrue(e.getMessage().contains("expired on 2025-01-02"), e.getMessage());
    }

    @Test
    void usesNoIndexLevelFromAfterTheDay() {
        // VXN jumps to 30 on 2025-01-03: the chain of 2025-01-02 still uses 20, the next day's uses 30.
        assertEquals(20, skewed.inputs("QQQ", DAY).index().level(), 0);
        assertEquals(30, skewed.inputs("QQQ", DAY.plusDays(1)).index().level(), 0);
        OptionContract c = OptionContract.of("QQQ", LocalDate.of(2025, 1, 17), OptionRight.PUT, "470");
        assertTrue(skewed.quote(c, DAY.plusDays(1), SPOT).mark() > skewed.quote(c, DAY, SPOT).mark());
    }

    @Test
    void europeanMarksAgainstTheAmericanTree() {
        // What the chain's European marks leave out at 5% rates (decision record 0004): next to nothing for the wheel's
        // out-of-the-money puts, 1-2% of an at-the-money put, nothing for calls (q < r: never exercised early).
        LocalDate e = LocalDate.of(2025, 1, 31); // 29 days
        OptionContract otmPut = OptionContract.of("QQQ", e, OptionRight.PUT, "456");
        OptionContract atmPut = OptionContract.of("QQQ", e, OptionRight.PUT, "480");
        OptionContract call = OptionContract.of("QQQ", e, OptionRight.CALL, "470");
        double otm = skewed.american(otmPut, DAY, SPOT, 2000).american() / skewed.quote(otmPut, DAY, SPOT).mark() - 1;
        double atm = skewed.american(atmPut, DAY, SPOT, 2000).american() / skewed.quote(atmPut, DAY, SPOT).mark() - 1;
        double calls = skewed.american(call, DAY, SPOT, 2000).earlyExercisePremium();
        assertTrue(otm > 0 && otm < 0.01, "OTM put: American above the mark by " + otm);
        assertTrue(atm > 0.01 && atm < 0.025, "ATM put: American above the mark by " + atm);
        assertEquals(0, calls, 0.005);
        assertFalse(skewed.american(atmPut, DAY, SPOT, 200).exerciseNow());
        assertTrue(skewed.american(OptionContract.of("QQQ", e, OptionRight.PUT, "600"), DAY, SPOT, 200).exerciseNow());
    }

    @Test
    void missingInputsAreOneLineErrors() {
        assertFalse(skewed.isAvailable("QQQ", LocalDate.of(2024, 11, 1)));
        OptionInputException e = assertThrows(OptionInputException.class,
                () -> skewed.chain("QQQ", LocalDate.of(2024, 11, 1), SPOT, ChainFilter.dteWindow(7, 45)));
        assertTrue(e.getMessage().startsWith("no synthetic QQQ options on 2024-11-01: no VXN level"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> skewed.chain("SPY", DAY, 590, ChainFilter.dteWindow(7, 45)));
        assertThrows(IllegalArgumentException.class, () -> skewed.chain("QQQ", DAY, Double.NaN, ChainFilter.dteWindow(7, 45)));
    }

    @Test
    void nearestDeltaAndOutOfTheMoneyLookUps() {
        OptionChain chain = skewed.chain("QQQ", DAY, SPOT, new ChainFilter(21, 35, 1, 40));
        LocalDate e = chain.expiries().get(0).date();
        OptionQuote put30 = chain.nearestDelta(e, OptionRight.PUT, 0.30).orElseThrow();
        for (OptionQuote q : chain.quotes(e, OptionRight.PUT)) {
            assertTrue(Math.abs(Math.abs(q.delta()) - 0.30) >= Math.abs(Math.abs(put30.delta()) - 0.30) - 1e-12);
        }
        assertTrue(put30.delta() < 0 && put30.contract().strikeValue() < SPOT);
        OptionQuote call = chain.nearestOtm(e, OptionRight.CALL, 0.05).orElseThrow();
        assertEquals(504, call.contract().strikeValue(), 0); // 480.37 × 1.05 = 504.39
        assertEquals(List.of(chain.expiries().get(0)), chain.expiriesWithinDte(21, 35));
    }
}
