package org.leverdesk.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The commands a listed chat user may give; the same names on Telegram ({@code /status}) and Discord (slash commands). */
public enum ChatCommand {
    STATUS("status", "Trading state, scheduler, equity, positions and open orders, next runs", false),
    POSITIONS("positions", "The broker's account and every position", false),
    ORDERS("orders", "The newest recorded orders", false),
    PNL("pnl", "Equity, cash, the day's P&L and each position's unrealised P&L", false),
    PAUSE("pause", "Stop the scheduler from starting new jobs (orders and positions stay)", false),
    RESUME("resume", "Release the kill switch and let the scheduler run again (asks for a code)", true),
    KILLRESET("killreset", "Release the kill switch only; a paused scheduler stays paused (asks for a code)", true),
    CLOSEALL("closeall", "Panic: HALT, cancel orders, close every position; 'closeall options': options only (asks a code)", true),
    REPORT("report", "The daily report now, with its equity chart ('report weekly' for the week)", false),
    CONFIG("config", "A read-only summary of the settings (never a secret)", false),
    CONFIRM("confirm", "Confirm a closeall (or closeall options), resume or killreset with its six-digit code", false),
    HELP("help", "This list", false);

    private final String word;
    private final String description;
    private final boolean needsConfirmation;

    ChatCommand(String word, String description, boolean needsConfirmation) {
        this.word = word;
        this.description = description;
        this.needsConfirmation = needsConfirmation;
    }

    /** The command's name as typed, without a slash. */
    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** True for commands that act only after a confirmation code. */
    public boolean needsConfirmation() {
        return needsConfirmation;
    }

    /** The command named {@code word} ("status", "STATUS"; Telegram's "start" is help). */
    public static Optional<ChatCommand> of(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("start")) {
            return Optional.of(HELP);
        }
        return Arrays.stream(values()).filter(c -> c.word.equals(w)).findFirst();
    }
}
