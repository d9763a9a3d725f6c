package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leverdesk.execution.OptionInstructions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leverdesk option exercise SYMBOL} and {@code option do-not-exercise SYMBOL}: Alpaca's exercise and
 * do-not-exercise instructions for a held (long) contract, through {@link OptionInstructions} (the service the
 * Options view's buttons use too). Journalled before sending (kind {@value OptionInstructions#KIND}) and with the
 * outcome; run inside the daemon or window when one owns the store.
 */
abstract class OptionInstructionCommand implements Callable<Integer>, ForwardedCommand {
    static final String KIND = OptionInstructions.KIND;

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

    /** Which instruction. */
    abstract OptionInstructions.Kind kind();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            LeasedBroker leased = LeasedBroker.of(lease, config.file(lease));
            if (!leased.available()) {
                throw new IllegalStateException("cannot reach the broker (" + leased.name() + "): " + leased.problem());
            }
            OptionInstructions.Outcome o = new OptionInstructions(lease.app().journal())
                    .send(leased.broker(), kind(), symbol, confirmLive, "cli");
            out.println(o.message());
            out.flush();
            return o.sent() ? 0 : 1;
        }
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
        OptionInstructions.Kind kind() {
            return OptionInstructions.Kind.EXERCISE;
        }
    }

    @Command(name = "do-not-exercise", mixinStandardHelpOptions = true,
            description = {"Tell Alpaca not to exercise the held SYMBOL at expiry even when it ends in the money",
                    "(POST /v2/positions/{symbol}/do-not-exercise): it expires worthless instead. Alpaca accounts only;",
                    "sent once, journalled (option-instruction). While the daemon or the window runs, this is done there.",
                    "Exit code 2 with a one-line error when not sent."})
    static final class DoNotExercise extends OptionInstructionCommand {
        @Override
        OptionInstructions.Kind kind() {
            return OptionInstructions.Kind.DO_NOT_EXERCISE;
        }
    }
}
