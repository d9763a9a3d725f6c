package org.leverdesk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.config.ControlLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leverdesk lock set|clear|status}: the control passphrase that guards the window's live controls. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = "Set, clear or show the control passphrase the window asks for before a switch to live trading, a change of"
                + " risk limits or secrets, and Resume after a halt (Close all is never locked). The passphrase is read from the"
                + " terminal (or standard input): 'set' reads the new one twice, 'clear' the current one. Only a salted PBKDF2 hash is kept.")
public final class LockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "set|clear|status")
    String action;

    @Override
    public Integer call() throws IOException {
        ControlLock lock = ControlLock.besideConfig(config.file().path());
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "status" -> out.println(lock.isSet() ? "the control passphrase is set (" + lock.file() + ")" : "no control passphrase is set");
            case "set" -> {
                char[] a = read(in, "new passphrase: ");
                char[] b = read(in, "again: ");
                if (!java.util.Arrays.equals(a, b)) {
                    throw new IllegalArgumentException("the two passphrases differ; nothing changed");
                }
                lock.set(a);
                out.println("control passphrase set (" + lock.file() + ")");
            }
            case "clear" -> {
                if (!lock.isSet()) {
                    out.println("no control passphrase is set");
                    break;
                }
                ControlLock.Verdict v = lock.clear(read(in, "current passphrase: "));
                if (!v.unlocked()) {
                    spec.commandLine().getErr().println("error: " + v.reason() + "; the passphrase stays set");
                    return 1;
                }
                out.println("control passphrase cleared");
            }
            default -> throw new IllegalArgumentException("the action is set, clear or status (got '" + action + "')");
        }
        out.flush();
        return 0;
    }

    private char[] read(BufferedReader in, String prompt) throws IOException {
        java.io.Console console = System.console();
        if (console != null) {
            char[] p = console.readPassword(prompt);
            if (p == null) {
                throw new IllegalArgumentException("no passphrase was typed");
            }
            return p;
        }
        String line = in.readLine();
        if (line == null) {
            throw new IllegalArgumentException("no passphrase on standard input");
        }
        return line.toCharArray();
    }
}
