package org.leverdesk.broker.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRejectedException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.chain.UnderlyingSetup;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.market.DailySeries;
import org.leverdesk.options.market.DividendYield;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;

/**
 * Options in the simulated cash account, with hand-checked money: premium × 100, the cash a put holds,
 * the shares a call holds, and what assignment and expiry do at the close of the expiration day.
 */
class SimBrokerOptionsTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);
    private static final Instant FRIDAY_CLOSE = ZonedDateTime.of(2025, 1, 17, 16, 0, 0, 0, NyseCalendar.ZONE).toInstant();
    private static final String PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480").occSymbol();
    private static final String CALL_490 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "490").occSymbol();

    private static SimBroker account(String cash) {
        SimBroker sim = new SimBroker("sim", new BigDecimal(cash), CommissionModel.FREE, new NyseCalendar(),
                ZonedDateTime.of(2025, 1, 10, 15, 50, 0, 0, NyseCalendar.ZONE).toInstant(), true);
        sim.setQuote("QQQ", 480, 480, sim.now());
        return sim;
    }

    private static OrderRequest market(String id, String symbol, Side side, long qty) {
        return new OrderRequest(id, symbol, side, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static BigDecimal money(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aShortPutIsCashSecured() {
        SimBroker sim = account("40000.00");
        sim.setQuote(PUT_480, 2.00, 2.10, sim.now());
        OrderRejectedException e = assertThrows(OrderRejectedException.class, () -> sim.submit(market("p-1", PUT_480, Side.SELL, 1)));
        assertEquals("order p-1: a cash-secured put needs $48,000.00 of cash (strike × 100 × 1), $40,000.00 is free; sell fewer contracts",
                e.getMessage());
        assertTrue(sim.positions().isEmpty());
    }

    @Test
    void sellingAPutCreditsThePremiumAndHoldsTheStrikeInCash() {
        SimBroker sim = account("100000.00");
        sim.setQuote(PUT_480, 2.00, 2.10, sim.now());
        BrokerOrder o = sim.submit(market("p-1", PUT_480, Side.SELL, 1));
        assertEquals(OrderStatus.FILLED, o.status());
        assertEquals(0, money("2.00").compareTo(o.filledAveragePrice()), "sells at the bid");
        // premium: 1 contract × 100 × $2.00 = $200
        assertEquals(money("100200.00"), sim.account().cash());
        // marked at the mid 2.05: a liability of $205
        assertEquals(money("99995.00"), sim.account().equity());
        // buying power: 100,200 − 48,000 the put holds
        assertEquals(money("52200.00"), sim.account().buyingPower());
        assertEquals(money("48000.00"), sim.collateral());
        BrokerPosition p = sim.positions().get(0);
        assertEquals(0, BigDecimal.valueOf(-1).compareTo(p.quantity()));
        assertEquals(0, money("-205.00").compareTo(p.marketValue()));
        // 200 shares at 480 = 96,000 do not fit the 52,200 left
        assertThrows(OrderRejectedException.class, () -> sim.submit(market("b-1", "QQQ", Side.BUY, 200)));
        // a second put needs another 48,000 and 52,200 are free: it fits; a third would not
        sim.submit(market("p-2", PUT_480, Side.SELL, 1));
        assertThrows(OrderRejectedException.class, () -> sim.submit(market("p-3", PUT_480, Side.SELL, 1)));
        // a buy-to-close larger than the short is refused (no silent flip to a long position)
        OrderRejectedException e = assertThrows(OrderRejectedException.class, () -> sim.submit(market("p-4", PUT_480, Side.BUY, 3)));
        assertTrue(e.getMessage().contains("only 2 are short"), e.getMessage());
    }

    @Test
    void anAssignedPutBuysTheSharesAtTheStrike() {
        SimBroker sim = account("100000.00");
        sim.setQuote(PUT_480, 2.00, 2.10, sim.now());
        sim.submit(market("p-1", PUT_480, Side.SELL, 1));
        List<SimFill> fills = new ArrayList<>();
        sim.addFillListener(fills::add);
        sim.setTime(FRIDAY_CLOSE);
        sim.setQuote("QQQ", 470, 470, FRIDAY_CLOSE);
        sim.closeMarket();
        List<SimOptionEvent> events = sim.settleExpiries(EXPIRY);
        assertEquals(1, events.size());
        SimOptionEvent e = events.get(0);
        assertEquals(SimOptionEvent.Kind.ASSIGNED, e.kind());
        assertEquals(0, BigDecimal.valueOf(100).compareTo(e.shares()));
        // 100 shares × $480 = $48,000 out of the 100,200
        assertEquals(money("-48000.00"), e.cash());
        assertEquals(money("52200.00"), sim.account().cash());
        assertEquals(money("0.00"), sim.collateral());
        BrokerPosition qqq = sim.positions().get(0);
        assertEquals("QQQ", qqq.symbol());
        assertEquals(0, BigDecimal.valueOf(100).compareTo(qqq.quantity()));
        assertEquals(0, money("480").compareTo(qqq.averageEntryPrice()));
        // equity: 52,200 + 100 × 470 = 99,200 = 100,000 + 200 premium − 1,000 on the shares
        assertEquals(money("99200.00"), sim.account().equity());
        assertEquals(2, fills.size(), "the put closes at 0 and the shares are bought at the strike");
        assertEquals(0, BigDecimal.ZERO.compareTo(fills.get(0).price()));
        assertEquals(PUT_480, fills.get(0).symbol());
        assertEquals(Side.BUY, fills.get(1).side());
        assertEquals("QQQ 250117P00480000 assigned: bought 100 QQQ at $480.00 (QQQ closed $470.00)", e.describe());
    }

    @Test
    void aPutOutOfTheMoneyOrInByLessThanACentExpiresWorthless() {
        for (double close : new double[] {481, 479.995}) {
            SimBroker sim = account("100000.00");
            sim.setQuote(PUT_480, 2.00, 2.10, sim.now());
            sim.submit(market("p-1", PUT_480, Side.SELL, 1));
            sim.setTime(FRIDAY_CLOSE);
            sim.setQuote("QQQ", close, close, FRIDAY_CLOSE);
            sim.closeMarket();
            SimOptionEvent e = sim.settleExpiries(EXPIRY).get(0);
            assertEquals(SimOptionEvent.Kind.EXPIRED, e.kind(), "QQQ at " + close);
            assertEquals(money("100200.00"), sim.account().cash(), "the premium is kept");
            assertEquals(money("100200.00"), sim.account().equity());
            assertTrue(sim.positions().isEmpty());
        }
    }

    @Test
    void callsAreWrittenOnlyOnFreeSharesWhichStayHeldAndAreCalledAway() {
        SimBroker sim = account("100000.00");
        sim.setQuote(CALL_490, 1.50, 1.60, sim.now());
        OrderRejectedException naked = assertThrows(OrderRejectedException.class, () -> sim.submit(market("c-0", CALL_490, Side.SELL, 1)));
        assertEquals("order c-0: a covered call needs 100 QQQ shares not already sold or covering calls, 0 are free;"
                + " naked calls are not allowed", naked.getMessage());
        sim.submit(market("b-1", "QQQ", Side.BUY, 150));
        sim.submit(market("c-1", CALL_490, Side.SELL, 1));
        assertThrows(OrderRejectedException.class, () -> sim.submit(market("c-2", CALL_490, Side.SELL, 1)), "50 free shares cover no second call");
        OrderRejectedException held = assertThrows(OrderRejectedException.class, () -> sim.submit(market("s-1", "QQQ", Side.SELL, 60)));
        assertTrue(held.getMessage().contains("100 covering short calls"), held.getMessage());
        sim.submit(market("s-2", "QQQ", Side.SELL, 50));
        // cash: 100,000 − 150 × 480 + 150 premium + 50 × 480 = 52,150
        assertEquals(money("52150.00"), sim.account().cash());
        sim.setTime(FRIDAY_CLOSE);
        sim.setQuote("QQQ", 500, 500, FRIDAY_CLOSE);
        sim.closeMarket();
        SimOptionEvent e = sim.settleExpiries(EXPIRY).get(0);
        assertEquals(SimOptionEvent.Kind.ASSIGNED, e.kind());
        assertEquals(0, BigDecimal.valueOf(-100).compareTo(e.shares()));
        // called away at 490: + 49,000
        assertEquals(money("101150.00"), sim.account().cash());
        assertTrue(sim.positions().isEmpty());
    }

    @Test
    void buyingBackAShortPutReleasesItsCash() {
        SimBroker sim = account("48000.00");
        sim.setQuote(PUT_480, 2.00, 2.10, sim.now());
        sim.submit(market("p-1", PUT_480, Side.SELL, 1));
        assertEquals(money("200.00"), sim.account().buyingPower());
        sim.setQuote(PUT_480, 3.00, 3.10, sim.now());
        // the buy-back costs 310 > 200 free, but it frees the 48,000 the put held
        BrokerOrder o = sim.submit(market("p-2", PUT_480, Side.BUY, 1));
        assertEquals(OrderStatus.FILLED, o.status());
        assertEquals(money("47890.00"), sim.account().cash());
        assertTrue(sim.positions().isEmpty());
        // 48,000 − 310 + 200 is 110 short of securing another put
        assertThrows(OrderRejectedException.class, () -> sim.submit(market("p-3", PUT_480, Side.SELL, 1)));
    }

    @Test
    void optionsAreQuotedFromTheSyntheticChainAtTheUnderlyingsPrice() {
        NyseCalendar nyse = new NyseCalendar();
        List<LocalDate> days = nyse.tradingDays(LocalDate.of(2024, 12, 2), LocalDate.of(2025, 2, 28));
        double[] levels = new double[days.size()];
        double[] bills = new double[days.size()];
        java.util.Arrays.fill(levels, 20);
        java.util.Arrays.fill(bills, 4.3);
        LocalDate[] dates = days.toArray(LocalDate[]::new);
        SyntheticChains chains = new SyntheticChains(nyse, RiskFreeRate.treasuryBills(DailySeries.of("DGS3MO", dates, bills, 10), 0.03),
                List.of(UnderlyingSetup.defaults("QQQ", VolatilityIndex.of(DailySeries.of("VXN", dates, levels, 5)),
                        DividendYield.constant(0.006))));
        SimBroker sim = account("100000.00");
        sim.setOptionChains(chains);
        Quote q = sim.latestQuote(PUT_480);
        OptionQuote expected = chains.quote(OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480"), LocalDate.of(2025, 1, 10), 480);
        assertEquals(expected.bid(), q.bid(), 1e-12);
        assertEquals(expected.ask(), q.ask(), 1e-12);
        assertEquals(expected.mark(), q.last(), 1e-12);
        // a print of the underlying re-marks the held option
        sim.submit(market("p-1", PUT_480, Side.SELL, 1));
        sim.print("QQQ", 470, 0);
        OptionQuote lower = chains.quote(OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480"), LocalDate.of(2025, 1, 10), 470);
        assertEquals(lower.mark(), sim.latestQuote(PUT_480).last(), 1e-12);
        assertTrue(lower.mark() > expected.mark());
    }
}
