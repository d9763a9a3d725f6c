package org.leverdesk.broker.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.execution.OptionInstructions;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalRepository;

/**
 * Early (American) exercise on the paper account, the Exercise button's paper half. Hand-checked: with QQQ at 480, one
 * 2026-03-20 470 call and one 490 put are bought at their asks (cash 100,000 − both premiums). Exercising the call buys
 * 100 QQQ at 470: cash − $47,000, the call gone, one EXERCISED event and two fills (the call out at $0, the shares at
 * 470), all in one transaction that a restart finds as it was. A second press finds nothing held and is refused. Then
 * the put sells those 100 shares at 490: cash + $49,000, no shares left: 100,000 − premiums + 2,000 in all. A put
 * without the shares, the short leg, a call the cash cannot pay and do-not-exercise are refused with nothing changed.
 */
class PaperEarlyExerciseTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final String CALL_470 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "470").occSymbol();
    private static final String PUT_490 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "490").occSymbol();
    private static final String PUT_400 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "400").occSymbol();
    private final PaperFixture fixture = new PaperFixture();

    private static SyntheticChains chains() {
        return PaperFixture.qqqChainsOfEarly2026();
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private static OrderRequest order(String id, String symbol, Side side) {
        return new OrderRequest(id, symbol, side, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    private static Map<String, BigDecimal> held(PaperBroker b) {
        return b.positions().stream().collect(Collectors.toMap(BrokerPosition::symbol, p -> p.quantity().stripTrailingZeros()));
    }

    private static BigDecimal cents(double perShare) {
        return BigDecimal.valueOf(perShare).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_EVEN);
    }

    @Test
    void aLongCallAndPutAreExercisedAtOnceInOneTransactionAndNeverTwice() {
        SyntheticChains chains = chains();
        PaperBroker paper = fixture.broker;
        paper.setOptionChains(chains);
        fixture.setQuote("QQQ", 479.99, 480.01);
        BigDecimal callCost = cents(paper.submit(order("b-1", CALL_470, Side.BUY)).filledAveragePrice().doubleValue());
        BigDecimal putCost = cents(paper.submit(order("b-2", PUT_490, Side.BUY)).filledAveragePrice().doubleValue());
        BigDecimal afterPremiums = new BigDecimal("100000.00").subtract(callCost).subtract(putCost);
        assertEquals(0, afterPremiums.compareTo(paper.account().cash()), "both asks paid");
        JournalRepository journal = new JournalRepository(fixture.store, fixture.clock);
        OptionInstructions instructions = new OptionInstructions(journal);

        assertNull(OptionInstructions.unsupported(paper, OptionInstructions.Kind.EXERCISE), "the button works on paper");
        assertTrue(OptionInstructions.unsupported(paper, OptionInstructions.Kind.DO_NOT_EXERCISE).contains("only available on Alpaca"));
        // The put cannot be exercised yet: no shares to deliver (no short sale).
        IllegalArgumentException noShares = assertThrows(IllegalArgumentException.class,
                () -> instructions.send(paper, OptionInstructions.Kind.EXERCISE, PUT_490, false, "test"));
        assertTrue(noShares.getMessage().contains("holds 0 free"), noShares.getMessage());
        assertEquals(Map.of(CALL_470, BigDecimal.ONE, PUT_490, BigDecimal.ONE), held(paper), "nothing changed");

        List<SimOptionEvent> heard = new ArrayList<>();
        paper.addOptionListener(heard::add);
        OptionInstructions.Outcome done = instructions.send(paper, OptionInstructions.Kind.EXERCISE, CALL_470, false, "test");
        assertTrue(done.sent());
        assertEquals("exercised on the paper account: QQQ 260320C00470000 exercised: bought 100 QQQ at $470.00 (QQQ closed $480.00),"
                + " 1 contract", done.message());
        assertEquals(Map.of("QQQ", new BigDecimal("1E+2"), PUT_490, BigDecimal.ONE), held(paper));
        assertEquals(0, afterPremiums.subtract(new BigDecimal("47000")).compareTo(paper.account().cash()), "100 × 470 paid");
        assertEquals(1, heard.size(), "told once, after it was saved");
        assertEquals(SimOptionEvent.Kind.EXERCISED, heard.get(0).kind());
        assertEquals(0, new BigDecimal("-47000").compareTo(heard.get(0).cash()));
        // A second press: nothing held, refused, nothing doubled.
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> instructions.send(paper, OptionInstructions.Kind.EXERCISE, CALL_470, false, "test"));
        assertTrue(again.getMessage().contains("is not held"), again.getMessage());
        List<String> lines = journal.recent(10).stream().filter(e -> e.kind().equals(OptionInstructions.KIND))
                .map(JournalEntry::message).toList();
        assertEquals(6, lines.size(), "sending + outcome for each of the three presses: " + lines);
        assertTrue(lines.get(2).startsWith("exercise " + CALL_470 + " at paper: done: "), lines.get(2));

        // A restart finds the exercise as it was saved: the shares, the cash, the event, the two fills, once.
        PaperBroker after = fixture.restart();
        after.setOptionChains(chains);
        assertEquals(Map.of("QQQ", new BigDecimal("1E+2"), PUT_490, BigDecimal.ONE), held(after));
        assertEquals(0, afterPremiums.subtract(new BigDecimal("47000")).compareTo(after.account().cash()));
        assertEquals(List.of(SimOptionEvent.Kind.EXERCISED), after.optionEvents().stream().map(SimOptionEvent::kind).toList());
        assertEquals(4, after.fills().size(), "two purchases, the call out at $0, the shares in at 470: " + after.fills());
        assertEquals(0, after.fills().stream().filter(f -> f.symbol().equals(CALL_470) && f.side() == Side.SELL)
                .findFirst().orElseThrow().price().signum());

        // Now the put has its shares: they go at 490.
        SimOptionEvent put = after.exercise(PUT_490);
        assertEquals(0, new BigDecimal("-100").compareTo(put.shares()));
        assertEquals(Map.of(), held(after), "the put delivered the shares the call bought");
        assertEquals(0, afterPremiums.add(new BigDecimal("2000")).compareTo(after.account().cash()), "bought at 470, sold at 490");
    }

    @Test
    void aShortASpreadsLongLegAndACallTheCashCannotPayAreRefusedWithNothingChanged() {
        PaperBroker paper = fixture.broker;
        paper.setOptionChains(chains());
        fixture.setQuote("QQQ", 479.99, 480.01);
        paper.submit(order("s-1", PUT_400, Side.SELL));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> paper.exercise(PUT_400)).getMessage()
                .contains("a short is assigned, not exercised"));
        // A bull put spread 490/400... the long 400 covering a short 490 is no good; use a long below the short.
        String put380 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "380").occSymbol();
        paper.submit(order("b-1", put380, Side.BUY));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> paper.exercise(put380)).getMessage()
                .contains("long leg of a spread"));
        BigDecimal cash = paper.account().cash();
        Map<String, BigDecimal> before = held(paper);
        // Three 470 calls would take $141,000 of shares: more than the cash.
        paper.submit(new OrderRequest("b-2", CALL_470, Side.BUY, BigDecimal.valueOf(3), OrderType.MARKET, TimeInForce.DAY, null, null));
        BigDecimal withCalls = paper.account().cash();
        assertTrue(cash.compareTo(withCalls) > 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> paper.exercise(CALL_470)).getMessage()
                .contains("buys 300 QQQ for $141,000.00"));
        assertEquals(0, withCalls.compareTo(paper.account().cash()));
        assertEquals(before.size() + 1, held(paper).size());
    }
}
