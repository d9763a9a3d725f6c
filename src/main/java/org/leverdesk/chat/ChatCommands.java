package org.leverdesk.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leverdesk.common.SecretMask;
import org.leverdesk.store.JournalRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a chat message into a command and its answer, for every transport: checks the sender against the
 * allow-list (anyone else gets no answer and one journal line), asks for a confirmation code before
 * {@code closeall}, {@code resume} and {@code killreset}, runs the command through {@link ChatServices}
 * (the same command classes and services as the CLI and the window; {@code closeall} is the emergency
 * exit, {@code closeall options} its options-only scope, {@code leverdesk close-all --options}) and journals
 * every command with its full answer (kind {@value #KIND}).
 */
public final class ChatCommands {
    /** The journal kind of chat commands. */
    public static final String KIND = "chat";
    private static final Logger LOG = LoggerFactory.getLogger(ChatCommands.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    // ReportCommand's last line: "written to /x/reports/daily-2026-12-04.md (chart daily-2026-12-04.png)".
    private static final Pattern WRITTEN = Pattern.compile("(?m)^written to (.+?) \\(chart ([^)]+)\\)\\s*$");

    private final ChatServices services;
    private final JournalRepository journal;
    private final Confirmations confirmations;

    public ChatCommands(ChatServices services, JournalRepository journal, Clock clock) {
        this(services, journal, clock, new SecureRandom());
    }

    ChatCommands(ChatServices services, JournalRepository journal, Clock clock, SecureRandom random) {
        this.services = services;
        this.journal = journal;
        this.confirmations = new Confirmations(clock, random);
    }

    /**
     * The answer to {@code request}, or null when it is not answered: the sender is not in {@code allowed}
     * (journalled), or the message is empty.
     */
    public ChatAnswer handle(ChatRequest request, Set<String> allowed) {
        if (!allowed.contains(request.senderId())) {
            journal(request.who() + " is not allowed to command; ignored: " + shorten(request.text()), null);
            return null;
        }
        if (request.text().isEmpty()) {
            return null;
        }
        ChatAnswer answer;
        try {
            answer = answer(request);
        } catch (RuntimeException e) {
            LOG.warn("chat command '{}' failed", request.text(), e);
            answer = new ChatAnswer("error: " + SecretMask.redact(String.valueOf(e.getMessage())));
        }
        answer = new ChatAnswer(SecretMask.redact(answer.text()), answer.image());
        journal(request.who() + ": " + shorten(request.text()) + " -> " + shorten(firstLine(answer.text())), answer.text());
        return answer;
    }

    private ChatAnswer answer(ChatRequest request) {
        List<String> words = new ArrayList<>(Arrays.asList(request.text().split("\\s+")));
        String first = words.remove(0);
        if (CODE.matcher(first).matches() && words.isEmpty()) {
            return confirm(request, first); // a code alone confirms too
        }
        String word = first.startsWith("/") || first.startsWith("!") ? first.substring(1) : first;
        int at = word.indexOf('@'); // Telegram groups: /status@leverdesk_bot
        if (at >= 0) {
            word = word.substring(0, at);
        }
        ChatCommand command = ChatCommand.of(word).orElse(null);
        if (command == null) {
            return new ChatAnswer("unknown command '" + shorten(first) + "'; /help lists the commands");
        }
        if (command == ChatCommand.CONFIRM) {
            return words.isEmpty() ? new ChatAnswer("send /confirm <code> with the code you were given")
                    : confirm(request, words.get(0));
        }
        if (command == ChatCommand.CLOSEALL && !closeAllScopeValid(words)) {
            // Checked before a code is handed out: a typo must not turn into a confirmed whole-account close.
            return new ChatAnswer("closeall takes nothing (the whole account) or 'options' (only option positions); got '"
                    + shorten(String.join(" ", words)) + "'; nothing done");
        }
        if (command.needsConfirmation()) {
            Confirmations.Pending p = confirmations.ask(request.transport() + ":" + request.senderId(), command, words);
            return new ChatAnswer(what(command, words) + ": send /confirm " + p.code() + " within "
                    + Confirmations.TTL.toSeconds() + " s to go ahead (the code works once; anything else cancels it)");
        }
        return run(request, command, words);
    }

    private ChatAnswer confirm(ChatRequest request, String code) {
        return confirmations.take(request.transport() + ":" + request.senderId(), code)
                .map(p -> run(request, p.command(), p.args()))
                .orElseGet(() -> new ChatAnswer("nothing done: that code is wrong, expired or already used; send the"
                        + " command again for a new one"));
    }

    private ChatAnswer run(ChatRequest request, ChatCommand command, List<String> args) {
        String by = request.transport() + " user " + request.senderId();
        return switch (command) {
            case STATUS -> new ChatAnswer(services.status());
            case PNL -> new ChatAnswer(services.pnl());
            case POSITIONS -> cli("positions");
            case ORDERS -> cli("orders", "--limit", "10");
            case PAUSE -> cli("pause");
            case RESUME -> cli("resume");
            case KILLRESET -> cli("resume", "--kill-switch-only");
            case CLOSEALL -> optionsOnly(args)
                    ? cli("close-all", "--options", "--reason", "closeall options from " + by)
                    : cli("close-all", "--reason", "closeall from " + by);
            case REPORT -> report(args);
            case CONFIG -> new ChatAnswer(ConfigSummary.of(services.config()));
            case HELP, CONFIRM -> new ChatAnswer(help());
        };
    }

    private ChatAnswer cli(String... argv) {
        ChatServices.Result r = services.run(List.of(argv));
        String text = r.text();
        return new ChatAnswer(text.isEmpty() ? "done (exit code " + r.exit() + ")" : text);
    }

    private ChatAnswer report(List<String> args) {
        String kind = args.isEmpty() ? "daily" : args.get(0).toLowerCase(Locale.ROOT);
        if (!kind.equals("daily") && !kind.equals("weekly")) {
            return new ChatAnswer("the report is 'daily' or 'weekly' (got '" + shorten(args.get(0)) + "')");
        }
        ChatServices.Result r = services.run(List.of("report", kind));
        Matcher m = WRITTEN.matcher(r.out() == null ? "" : r.out());
        Path chart = null;
        if (r.exit() == 0 && m.find()) {
            Path candidate = Path.of(m.group(1).strip()).resolveSibling(m.group(2).strip());
            chart = java.nio.file.Files.isRegularFile(candidate) ? candidate : null;
        }
        return new ChatAnswer(r.text(), chart);
    }

    /** The command list, for /help and Discord's registration. */
    public static String help() {
        StringBuilder b = new StringBuilder("Leverdesk commands:");
        for (ChatCommand c : ChatCommand.values()) {
            b.append("\n/").append(c.word()).append(" - ").append(c.description());
        }
        return b.toString();
    }

    /** {@code closeall} alone (the whole account) or {@code closeall options}. */
    private static boolean closeAllScopeValid(List<String> args) {
        return args.isEmpty() || optionsOnly(args);
    }

    private static boolean optionsOnly(List<String> args) {
        return args.size() == 1 && args.get(0).equalsIgnoreCase("options");
    }

    private static String what(ChatCommand c, List<String> args) {
        return switch (c) {
            case CLOSEALL -> optionsOnly(args)
                    ? "closeall options will cancel every open option order and close every option position (each spread"
                            + " as one multi-leg order, shorts bought back before longs are sold); shares stay and trading is"
                            + " not halted"
                    : "closeall will HALT trading, cancel every open order and close every position";
            case RESUME -> "resume will release the kill switch and let the scheduler run again";
            case KILLRESET -> "killreset will release the kill switch (trading ACTIVE again)";
            default -> c.word();
        };
    }

    private void journal(String message, String answer) {
        try {
            String details = null;
            if (answer != null) {
                ObjectNode n = JSON.createObjectNode();
                n.put("answer", answer);
                details = JSON.writeValueAsString(n);
            }
            journal.append(KIND, null, message, details);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // The store may be closing; the command has run (or was refused) either way.
            LOG.warn("could not journal a chat command ({}): {}", message, e.getMessage());
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
