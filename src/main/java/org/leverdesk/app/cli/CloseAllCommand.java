package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.emergency.EmergencyScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk close-all}: the panic button without a window. */
@Command(name = "close-all", mixinStandardHelpOptions = true,
        description = {"The panic button: set trading to HALTED first, cancel every open order, close every position,",
                "re-read the broker until the account is flat (or 30 s pass; when the market is closed the closing",
                "orders rest until the next open), journal every step, notify, and print exactly what was cancelled,",
                "closed or failed and why. Nothing is bought afterwards until 'leverdesk resume'.",
                "While the daemon or the window runs on the store, it is done there (its scheduler stops at once).",
                "Needs only the broker settings: a config with other problems, or --broker, still works.",
                "With --options: only option positions and option orders, nothing halted, shares kept; each spread is",
                "closed as one multi-leg order (short bought back, long sold), lone shorts before longs.",
                "Exit code 0 when everything was closed (or rests until the open), 1 when anything failed."})
public final class CloseAllCommand implements Callable<Integer>, EmergencyCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--broker", paramLabel = "ACCOUNT", converter = BrokerChoice.class,
            description = "The account to close (" + BrokerChoice.NAMES + ") when the config cannot say.")
    BrokerSettings broker;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "close-all from the command line",
            description = "Why, for the journal and the notification.")
    String reason;

    @Option(names = "--options", description = "Close only the option positions (seed 003's 'Close all options'): shares"
            + " stay and trading is not halted.")
    boolean options;

    @Override
    public Integer call() {
        EmergencyScope scope = options ? EmergencyScope.allOptions() : EmergencyScope.wholeAccount();
        return EmergencyRunner.run(store, config, broker, "cli", reason, f -> scope,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }
}
