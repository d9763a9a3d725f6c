package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.StrategyExitScopes;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.emergency.EmergencyScope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk force-exit}: cancel open orders and close positions now, whatever the risk gate says. */
@Command(name = "force-exit", mixinStandardHelpOptions = true,
        description = {"Cancel the open orders and close the positions of one strategy (--strategy S: its shares and its",
                "own part of every option contract it holds, spreads and condors as multi-leg orders, shorts bought back",
                "before longs are sold; other strategies' parts of shared contracts and their orders stay)",
                "or of the whole account (--all, the same as 'leverdesk close-all': trading is HALTED first) now,",
                "whatever the trading state. --strategy S leaves the other strategies trading and does not halt the",
                "account unless --halt is given; S stays enabled, so its next scheduled run may buy again: disable it",
                "('leverdesk config set strategies.S.enabled=false') or add --halt. Prints every cancelled order and",
                "closed position; exit code 1 when anything could not be cancelled or closed."})
public final class ForceExitCommand implements Callable<Integer>, EmergencyCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--halt", description = "With --strategy: also set the whole account's trading to HALTED first.")
    boolean halt;

    @Option(names = "--broker", paramLabel = "ACCOUNT", converter = BrokerChoice.class,
            description = "The account (" + BrokerChoice.NAMES + ") when the config cannot say.")
    BrokerSettings broker;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "force-exit from the command line",
            description = "Why, for the journal and the notification.")
    String reason;

    static final class Which {
        @Option(names = "--strategy", paramLabel = "S", description = "Close strategy S's shares and its part of its option contracts.")
        String strategyId;

        @Option(names = "--all", description = "Close every position of the account (and halt trading).")
        boolean all;
    }

    @Override
    public Integer call() {
        return EmergencyRunner.run(store, config, broker, "cli", reason, this::scope, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private EmergencyScope scope(ConfigFile file) {
        if (which.all) {
            return EmergencyScope.wholeAccount();
        }
        // Its shares, and its own part of every option on its option roots (the store tells it when the exit runs); the
        // window's "Close strategy…" builds its scope in the same place.
        return StrategyExitScopes.of(file, which.strategyId, halt, note -> spec.commandLine().getErr().println("note: " + note));
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }
}
