package org.leverdesk.chat;

import java.util.List;
import org.leverdesk.config.AppConfig;

/**
 * What chat commands act through: the store owner's own services (the daemon's or the window's), so a
 * chat command does exactly what the same command does in a terminal or the window. Implemented in the
 * application layer, which runs command lines with the CLI's command classes inside the owner.
 */
public interface ChatServices {
    /** What a command line printed and its exit code. */
    record Result(int exit, String out, String err) {
        /** stdout and stderr together, trimmed. */
        public String text() {
            String o = out == null ? "" : out.strip();
            String e = err == null ? "" : err.strip();
            return o.isEmpty() ? e : e.isEmpty() ? o : o + "\n" + e;
        }
    }

    /**
     * Runs a {@code leverdesk} command line (e.g. {@code close-all --reason ...}) inside this process, on its store,
     * broker and runtime; the data folder and the config are added by the implementation.
     */
    Result run(List<String> argv);

    /** The account in a few lines: trading state, scheduler, broker, equity and day P&L, positions, open orders, next runs. */
    String status();

    /** Equity, cash, the day's P&L and each position's unrealised P&L. */
    String pnl();

    /** The config the owner runs with (for the read-only summary). */
    AppConfig config();
}
