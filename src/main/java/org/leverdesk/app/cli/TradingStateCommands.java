package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.context.TradingRuntime;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk pause}, {@code resume} and {@code halt}: the window's Pause, Resume and kill switch. */
final class TradingStateCommands {
    private static final String BY = "cli";

    private TradingStateCommands() {
    }

    /** Common options and the owner look-up. */
    abstract static class Base implements Callable<Integer>, ForwardedCommand {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Path dataDir() {
            return store.folder();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** The trading runtime of the daemon or window this command runs in, if any. */
        Optional<TradingRuntime> runtime() {
            return StoreOwner.of(dataDir()).flatMap(StoreOwner::trading);
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = {"Stop the running daemon's (or window's) scheduler from starting new jobs until 'leverdesk",
                    "resume'. Open orders and positions stay as they are. Use 'leverdesk halt' to stop all buying,",
                    "or 'leverdesk close-all' to close everything."})
    static final class Pause extends Base {
        @Override
        public Integer call() {
            TradingRuntime runtime = runtime().orElseThrow(() -> new IllegalStateException("no Leverdesk daemon or window"
                    + " runs on " + dataDir() + ", so no scheduler can be paused; 'leverdesk halt' stops all buying"));
            runtime.pause();
            out().println("paused: " + StoreOwner.of(dataDir()).orElseThrow().description()
                    + " starts no new job until 'leverdesk resume'");
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Release the kill switch (HALTED after 'halt', 'close-all' or Close all in the window: trading",
                    "is ACTIVE again) and let a paused scheduler start jobs again. A job whose minute passed meanwhile",
                    "follows the catch-up policy. Works with or without a running daemon.",
                    "--kill-switch-only releases the kill switch and leaves a paused scheduler paused."})
    static final class Resume extends Base {
        @Option(names = "--kill-switch-only", description = "Release the kill switch only; a paused scheduler stays paused.")
        boolean killSwitchOnly;

        @Override
        public Integer call() {
            Optional<TradingRuntime> runtime = runtime();
            if (runtime.isPresent()) {
                boolean halted = runtime.get().status().halted();
                if (halted) {
                    runtime.get().release(BY, "released with 'leverdesk resume'");
                }
                if (killSwitchOnly) {
                    out().println("kill switch released: trading is ACTIVE" + (halted ? "" : " (it was not HALTED)")
                            + "; the scheduler is " + runtime.get().status().scheduler());
                    return 0;
                }
                runtime.get().resume();
                out().println("resumed: trading is ACTIVE" + (halted ? " (the kill switch was released)" : "")
                        + " and the scheduler starts jobs again");
                return 0;
            }
            try (StoreLease lease = StoreLease.open(store, 0, true)) {
                RiskGate gate = lease.app().riskGate(Clock.systemUTC());
                TradingState before = gate.state();
                if (before != TradingState.ACTIVE) {
                    gate.setState(TradingState.ACTIVE, "released by " + BY + " with 'leverdesk resume'");
                }
                out().println("resumed: trading is ACTIVE" + (before != TradingState.ACTIVE ? " (was " + before + ")" : "")
                        + "; no daemon runs on this store, so the next 'run' or daemon start trades again");
            }
            return 0;
        }
    }

    @Command(name = "halt", mixinStandardHelpOptions = true,
            description = {"The kill switch: set trading to HALTED (only cancels and closing orders pass, no scheduled job",
                    "starts) until 'leverdesk resume'. Positions stay open: 'leverdesk close-all' closes them too."})
    static final class Halt extends Base {
        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "halted from the command line",
                description = "Why, for the journal and the notification.")
        String reason;

        @Override
        public Integer call() {
            Optional<TradingRuntime> runtime = runtime();
            if (runtime.isPresent()) {
                runtime.get().halt(BY, reason);
            } else {
                try (StoreLease lease = StoreLease.open(store, 0, true)) {
                    lease.app().riskGate(Clock.systemUTC()).setState(TradingState.HALTED, "kill switch engaged by " + BY + ": "
                            + reason);
                }
            }
            out().println("halted: only cancels and closing orders pass and no job starts until 'leverdesk resume'");
            return 0;
        }
    }
}
