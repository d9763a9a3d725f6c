package org.leverdesk.ui.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.alpaca.FakeAlpacaServer;
import org.leverdesk.broker.sim.SimBroker;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.execution.OptionInstructions;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.optionbook.OptionLeg;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.Store;
import org.leverdesk.ui.TestTaskExecutor;

/**
 * The Exercise / Do not exercise buttons' rules without a robot: off for a short, for nothing selected and on an
 * account without the instructions (with the reason); one confirmation (declined: nothing sent), then the CLI's
 * service on the fake Alpaca server (the exercise reaches it once, journalled "by window", the view re-read); on the
 * live account a second confirmation, sent with the live confirmation only when both are given.
 */
class ExerciseViewModelTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 20);
    private static final OptionContract CALL_490 = OptionContract.of("QQQ", EXPIRY, OptionRight.CALL, "490");
    private static final OptionContract PUT_480 = OptionContract.of("QQQ", EXPIRY, OptionRight.PUT, "480");

    @TempDir
    Path tmp;

    /** A confirm prompt that answers from a list and records the questions. */
    private static final class Answers implements org.leverdesk.ui.common.ConfirmPrompt {
        final List<Boolean> answers = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        Answers(Boolean... a) {
            answers.addAll(List.of(a));
        }

        @Override
        public boolean confirm(String header, String details, String action) {
            asked.add(header + " | " + details + " | " + action);
            return answers.remove(0);
        }
    }

    private static HeldOption held(OptionContract c, double contracts) {
        return new HeldOption(new OptionLeg(c, contracts, 6.20), 6.10, null, EXPIRY.minusDays(16), "");
    }

    @Test
    void exerciseOnTheFakeAlpacaAfterOneConfirmationThroughTheClisService() {
        Assumptions.assumeTrue(System.getenv("ALPACA_KEY_ID") == null, "ALPACA_KEY_ID is set in the environment");
        try (FakeAlpacaServer server = FakeAlpacaServer.start(); Store store = Store.open(tmp.resolve("data"))) {
            AlpacaBroker broker = AlpacaBroker.create(server.settings());
            server.setQuote("QQQ", 489.99, 490.01);
            server.setQuote(CALL_490.occSymbol(), 6.00, 6.20);
            server.setQuote(PUT_480.occSymbol(), 2.00, 2.10);
            broker.submit(new OrderRequest("ex-1", CALL_490.occSymbol(), Side.BUY, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY,
                    null, null));
            broker.submit(new OrderRequest("ex-2", PUT_480.occSymbol(), Side.SELL, BigDecimal.ONE, OrderType.MARKET, TimeInForce.DAY,
                    null, null));
            server.settle();
            JournalRepository journal = new JournalRepository(store, Clock.systemUTC());
            Answers prompt = new Answers(false, true);
            AtomicInteger rereads = new AtomicInteger();
            TestTaskExecutor executor = new TestTaskExecutor();
            ExerciseViewModel vm = new ExerciseViewModel(OptionExercise.of(broker, new OptionInstructions(journal)), prompt, executor,
                    rereads::incrementAndGet);

            assertFalse(vm.enabledBinding().get());
            assertEquals("Select a long option to exercise it or to keep it from being exercised at expiry.", vm.noteBinding().get());
            vm.selectedProperty().set(held(PUT_480, -1));
            assertFalse(vm.enabledBinding().get(), "a short is assigned, not exercised");
            assertEquals("QQQ 20 Mar 26 480 P is short: a short is assigned, never exercised.", vm.noteBinding().get());
            vm.exercise();
            assertTrue(prompt.asked.isEmpty(), "no dialog for a short");

            vm.selectedProperty().set(held(CALL_490, 1));
            assertTrue(vm.enabledBinding().get());
            assertEquals("", vm.noteBinding().get());
            vm.exercise(); // declined
            assertEquals("Not sent: exercise of QQQ 20 Mar 26 490 C was cancelled.", vm.messageProperty().get());
            assertEquals(0, server.count("POST", "/v2/positions/"));
            vm.exercise(); // confirmed
            assertEquals("Exercise QQQ 20 Mar 26 490 C? | Exercise 1 contract of QQQ   260320C00490000 now: it buys 100 QQQ at 490;"
                    + " recorded from Alpaca's OPEXC activity at the next run or 'leverdesk reconcile'. Sent once; the broker's answer"
                    + " is shown here and journalled. | Exercise", prompt.asked.get(1));
            assertEquals("exercise sent: QQQ   260320C00490000, 1 contract at alpaca-paper; buys 100 QQQ at 490; recorded from"
                    + " Alpaca's OPEXC activity at the next run or 'leverdesk reconcile'", vm.messageProperty().get());
            assertEquals(1, server.count("POST", "/v2/positions/QQQ260320C00490000/exercise"));
            assertEquals(0, new BigDecimal("100").compareTo(server.held("QQQ")), "100 QQQ bought at the strike");
            assertEquals(1, rereads.get(), "the view re-reads the account after the broker took it");
            assertEquals(List.of("exercise QQQ   260320C00490000 (1 contract) at alpaca-paper: accepted",
                    "exercise QQQ   260320C00490000 (1 contract) at alpaca-paper: sending (by window)"),
                    journal.find(new JournalQuery(null, OptionInstructions.KIND, null, null, null, null, 20)).stream()
                            .map(JournalEntry::message).sorted().toList());

            // Alpaca's refusal (the contract is gone now) is shown in one line; nothing re-read
            prompt.answers.add(true);
            vm.doNotExercise();
            assertTrue(vm.messageProperty().get().startsWith("Not sent: QQQ   260320C00490000 is not an option position at alpaca-paper"),
                    vm.messageProperty().get());
            assertEquals(1, rereads.get());
            broker.close();
        }
    }

    @Test
    void aBrokerWithoutTheInstructionsLeavesTheButtonsOffAndSaysWhy() {
        SimBroker sim = new SimBroker(java.time.Instant.parse("2026-03-04T15:00:00Z"));
        Answers prompt = new Answers();
        ExerciseViewModel vm = new ExerciseViewModel(OptionExercise.of(sim, new OptionInstructions(null)), prompt,
                new TestTaskExecutor(), () -> { });
        vm.selectedProperty().set(held(CALL_490, 2));
        assertFalse(vm.enabledBinding().get());
        assertEquals("Exercise and do not exercise: exercise is only available on Alpaca and paper accounts: the sim broker"
                + " exercises options only at expiry (in the money by $0.01 or more).", vm.noteBinding().get());
        assertFalse(vm.doNotExerciseEnabledBinding().get());
        vm.exercise();
        assertTrue(prompt.asked.isEmpty());
    }

    @Test
    void theLiveAccountAsksTwiceAndSendsTheLiveConfirmationOnlyWithBoth() {
        List<String> sent = new ArrayList<>();
        OptionExercise live = new OptionExercise() {
            @Override
            public String unsupported() {
                return null;
            }

            @Override
            public boolean live() {
                return true;
            }

            @Override
            public OptionInstructions.Outcome send(OptionInstructions.Kind kind, String occ, boolean confirmedLive) {
                sent.add(kind.word() + " " + occ.strip() + " " + confirmedLive);
                return new OptionInstructions.Outcome(true, kind.word() + " sent");
            }
        };
        Answers prompt = new Answers(true, false, true, true);
        ExerciseViewModel vm = new ExerciseViewModel(live, prompt, new TestTaskExecutor(), () -> { });
        vm.selectedProperty().set(held(CALL_490, 1));
        vm.doNotExercise();
        assertEquals("Not sent: the live account's confirmation was declined.", vm.messageProperty().get());
        assertTrue(sent.isEmpty());
        vm.doNotExercise();
        assertEquals(List.of("do-not-exercise QQQ   260320C00490000 true"), sent);
        assertTrue(prompt.asked.get(3).startsWith("This is the LIVE account | Real money: do-not-exercise QQQ   260320C00490000"),
                prompt.asked.get(3));
        assertTrue(prompt.asked.get(2).startsWith("Do not exercise QQQ 20 Mar 26 490 C? | Tell the broker not to exercise 1 contract"
                + " of QQQ   260320C00490000 at expiry: it expires worthless on 2026-03-20"), prompt.asked.get(2));
    }
}
