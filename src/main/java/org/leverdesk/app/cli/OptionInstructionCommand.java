package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.store.JournalRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leverdesk option exercise SYMBOL} and {@code option do-not-exercise SYMBOL}: Alpaca's exercise and
 * do-not-exercise instructions for a held (long) contract, through {@code AlpacaOptions}. Journalled before
 * sending (kind {@value #KIND}) and with the outcome; run inside the daemon or window when one owns the store.
 * The built-in paper broker exercises only at expiry (in the money by $0.01 or more), so it has neither.
 */
abstract class OptionInstructionCommand implements Callable<Integer>, ForwardedCommand {
    static final String KIND = "option-instruction";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "SYMBOL",
            description = "The held contract's OCC symbol, padded ('QQQ   260320C00490000') or compact (QQQ260320C00490000).")
    String symbol;

    @Option(names = "--confirm-live", description = "Required when the account is Alpaca's live (real-money) one.")
    boolean confirmLive;

    /** The instruction's name in Alpaca's endpoint and in the journal: "exercise" or "do-not-exercise". */
    abstract String instruction();

    /** Sends the instruction for {@code occ} (padded). */
    abstract void send(AlpacaBroker alpaca, String occ);

    /** What happens next, for the line printed after Alpaca accepted. */
    abstract String outcome(OptionContract c, BigDecimal contracts);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OptionContract contract = OptionSymbols.contract(symbol.strip()).orElseThrow(() -> new IllegalArgumentException(
                "'" + symbol + "' is not an OCC option symbol (e.g. QQQ260320C00490000); 'leverdesk positions' lists what is held"));
        String occ = contract.occSymbol();
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            LeasedBroker leased = LeasedBroker.of(lease, config.file(lease));
            if (!leased.available()) {
                throw new IllegalStateException("cannot reach the broker (" + leased.name() + "): " + leased.problem());
            }
            if (!(leased.broker() instanceof AlpacaBroker alpaca)) {
                throw new IllegalArgumentException(instruction() + " is only available on Alpaca accounts: the "
                        + leased.name() + " broker exercises options only at expiry (in the money by $0.01 or more)");
            }
            BigDecimal held = heldContracts(alpaca, occ);
            if (held.signum() <= 0) {
                throw new IllegalArgumentException(held.signum() < 0
                        ? occ.strip() + " is a short position at " + alpaca.name() + " (" + held.toPlainString()
                        + "): only the holder can " + instruction() + "; a short is assigned, not exercised"
                        : occ.strip() + " is not an option position at " + alpaca.name() + " (" + heldOptions(alpaca) + ")");
            }
            if ("alpaca-live".equals(alpaca.name()) && !confirmLive) {
                out.println("not sent: the account is Alpaca's live one; add --confirm-live to " + instruction() + " "
                        + occ.strip());
                out.flush();
                return 1;
            }
            JournalRepository journal = lease.app().journal();
            String what = instruction() + " " + occ + " (" + contracts(held) + ") at " + alpaca.name();
            // Stored before sending, like an order's intent: a crash after Alpaca took it still leaves a trace.
            journal.append(KIND, null, what + ": sending (by cli)", null);
            try {
                send(alpaca, occ);
            } catch (BrokerException | IllegalArgumentException e) {
                journal.append(KIND, null, what + ": refused: " + CliErrors.oneLine(e), null);
                throw e;
            }
            journal.append(KIND, null, what + ": accepted", null);
            out.println(instruction() + " sent: " + occ.strip() + ", " + contracts(held) + " at " + alpaca.name() + "; "
                    + outcome(contract, held));
            out.flush();
            return 0;
        }
    }

    private static String contracts(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString() + (n.compareTo(BigDecimal.ONE) == 0 ? " contract" : " contracts");
    }

    private static BigDecimal heldContracts(AlpacaBroker alpaca, String occ) {
        return alpaca.positions().stream().filter(p -> p.symbol().equals(occ)).map(BrokerPosition::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String heldOptions(AlpacaBroker alpaca) {
        String held = alpaca.positions().stream().filter(p -> OptionSymbols.isOption(p.symbol()))
                .map(p -> p.symbol().strip() + " " + p.quantity().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
        return held.isEmpty() ? "it holds no option" : "options held: " + held;
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }

    @Command(name = "exercise", mixinStandardHelpOptions = true,
            description = {"Exercise every held contract of SYMBOL now (Alpaca's POST /v2/positions/{symbol}/exercise):",
                    "a call buys, a put sells 100 shares a contract at the strike. Alpaca accounts only; sent once,",
                    "journalled (option-instruction); Alpaca's refusal is printed with its reason. The shares and the",
                    "contract's removal reach the store with Alpaca's OPEXC activity at the next run or reconcile.",
                    "While the daemon or the window runs, this is done there. Exit code 2 with a one-line error when not sent."})
    static final class Exercise extends OptionInstructionCommand {
        @Override
        String instruction() {
            return "exercise";
        }

        @Override
        void send(AlpacaBroker alpaca, String occ) {
            alpaca.options().exercise(occ);
        }

        @Override
        String outcome(OptionContract c, BigDecimal contracts) {
            BigDecimal shares = contracts.multiply(BigDecimal.valueOf(c.multiplier()));
            return (c.right() == org.leverdesk.options.contract.OptionRight.CALL ? "buys " : "sells ")
                    + shares.stripTrailingZeros().toPlainString() + " " + c.underlying() + " at " + c.strike().stripTrailingZeros().toPlainString()
                    + "; recorded from Alpaca's OPEXC activity at the next run or 'leverdesk reconcile'";
        }
    }

    @Command(name = "do-not-exercise", mixinStandardHelpOptions = true,
            description = {"Tell Alpaca not to exercise the held SYMBOL at expiry even when it ends in the money",
                    "(POST /v2/positions/{symbol}/do-not-exercise): it expires worthless instead. Alpaca accounts only;",
                    "sent once, journalled (option-instruction). While the daemon or the window runs, this is done there.",
                    "Exit code 2 with a one-line error when not sent."})
    static final class DoNotExercise extends OptionInstructionCommand {
        @Override
        String instruction() {
            return "do-not-exercise";
        }

        @Override
        void send(AlpacaBroker alpaca, String occ) {
            alpaca.options().doNotExercise(occ);
        }

        @Override
        String outcome(OptionContract c, BigDecimal contracts) {
            return "it expires worthless on " + c.expiry() + " even in the money (Alpaca's OPEXP activity)";
        }
    }
}
