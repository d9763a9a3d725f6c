package org.leverdesk.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.app.context.RuntimeStatus;
import org.leverdesk.app.context.StoreOwner;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.chat.ChatCommands;
import org.leverdesk.chat.ChatServices;
import org.leverdesk.chat.DiscordListener;
import org.leverdesk.chat.TelegramListener;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ChatSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.notify.TelegramChannel;
import org.leverdesk.schedule.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat commands inside the store's owner (the daemon, or the window): starts the Telegram and Discord
 * listeners the config switches on, and answers their commands with the same command classes a terminal
 * runs ({@link ControlCommands}, as if forwarded over the control channel), so {@code closeall} is
 * {@code leverdesk close-all} on the owner's emergency exit and {@code pause}/{@code resume} are the
 * window's Pause and Resume. Off unless {@code chat.telegram} or {@code chat.discord} is true.
 */
public final class ChatControl implements ChatServices, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatControl.class);
    /** The services' addresses; tests point them at fake servers on 127.0.0.1. */
    static volatile URI telegramBase = TelegramChannel.DEFAULT_BASE_URL;
    static volatile URI discordApi = DiscordListener.DEFAULT_API;
    static volatile Duration pollTimeout = Duration.ofSeconds(25);
    static volatile Duration firstRetry = Duration.ofSeconds(1);

    private final Path dataDir;
    private final List<AutoCloseable> listeners = new ArrayList<>();

    private ChatControl(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Starts the listeners {@code config} switches on for the owner of {@code dataDir}; a listener that cannot
     * start (no token) is logged and left out, never stopping the daemon or the window.
     */
    public static ChatControl start(Path dataDir, AppConfig config, Secrets secrets) {
        ChatControl control = new ChatControl(dataDir);
        ChatSettings chat = config.chat();
        if (!chat.telegram() && !chat.discord()) {
            return control;
        }
        StoreOwner owner = StoreOwner.of(dataDir).orElseThrow(() -> new IllegalStateException("chat commands run in the"
                + " process that owns the store in " + dataDir));
        Clock clock = Clock.systemUTC();
        ChatCommands commands = new ChatCommands(control, owner.app().journal(clock), clock);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (chat.telegram()) {
            try {
                control.listeners.add(new TelegramListener(http, telegramBase, secrets.get(Secrets.TELEGRAM_BOT_TOKEN).orElse(null),
                        commands, new HashSet<>(chat.telegramChats()), owner.app().chatOffsets(),
                        pollTimeout, firstRetry).start());
            } catch (RuntimeException e) {
                LOG.error("Telegram commands are off: {}", e.getMessage());
            }
        }
        if (chat.discord()) {
            try {
                control.listeners.add(new DiscordListener(http, discordApi, secrets.get(Secrets.DISCORD_BOT_TOKEN).orElse(null),
                        chat.discordApplicationId(), chat.discordGuildId(), commands, Set.copyOf(chat.discordUsers()),
                        firstRetry).start());
            } catch (RuntimeException e) {
                LOG.error("Discord commands are off: {}", e.getMessage());
            }
        }
        return control;
    }

    @Override
    public Result run(List<String> argv) {
        List<String> line = new ArrayList<>(argv);
        // Options go before a "--"; every chat command line is options only.
        line.add("--data-dir");
        line.add(dataDir.toAbsolutePath().toString());
        Reply r = ControlCommands.run(line);
        return new Result(r.exit(), r.out(), r.err());
    }

    private StoreOwner owner() {
        return StoreOwner.of(dataDir).orElseThrow(() -> new IllegalStateException("no Leverdesk process owns " + dataDir));
    }

    private Broker broker() {
        StoreOwner o = owner();
        return o.trading().map(org.leverdesk.app.context.TradingRuntime::broker)
                .orElseThrow(() -> new IllegalStateException("trading is off in " + o.description() + ": " + o.problem()));
    }

    @Override
    public String status() {
        StoreOwner o = owner();
        StringBuilder b = new StringBuilder(o.description());
        if (o.trading().isEmpty()) {
            return b.append(": trading is off (").append(o.problem()).append(')').toString();
        }
        RuntimeStatus s = o.runtime().status();
        Broker broker = o.runtime().broker();
        b.append(" on ").append(broker.name()).append(o.runtime().simulated() ? " (DEMO, simulated prices)" : "")
                .append("\ntrading ").append(s.trading()).append(", scheduler ").append(s.scheduler());
        if (s.runningJob() != null) {
            b.append(", running ").append(s.runningJob().definition().key());
        }
        try {
            Account a = broker.account();
            b.append("\nequity ").append(money(a.equity())).append(", cash ").append(money(a.cash())).append(", day P&L ")
                    .append(money(a.dayProfit()));
            b.append("\n").append(broker.positions().size()).append(" position(s), ").append(broker.openOrders().size())
                    .append(" open order(s)");
        } catch (RuntimeException e) {
            b.append("\nthe broker cannot be reached: ").append(e.getMessage());
        }
        for (Map.Entry<String, ScheduledJob> next : new java.util.TreeMap<>(s.nextRuns()).entrySet()) {
            b.append("\nnext ").append(next.getKey()).append(": ").append(next.getValue().at().toLocalDateTime());
        }
        return b.toString();
    }

    @Override
    public String pnl() {
        Broker broker = broker();
        Account a = broker.account();
        StringBuilder b = new StringBuilder("equity ").append(money(a.equity())).append(", cash ").append(money(a.cash()))
                .append("\nday P&L ").append(money(a.dayProfit())).append(" (previous close ").append(money(a.lastEquity()))
                .append(')');
        BigDecimal open = BigDecimal.ZERO;
        for (BrokerPosition p : broker.positions()) {
            b.append("\n").append(p.symbol()).append(' ').append(p.quantity().stripTrailingZeros().toPlainString())
                    .append(" @ ").append(money(p.averageEntryPrice())).append(": unrealised ").append(money(p.unrealizedProfit()));
            open = open.add(p.unrealizedProfit());
        }
        return b.append("\nunrealised total ").append(money(open)).toString();
    }

    @Override
    public AppConfig config() {
        return owner().configFile().load();
    }

    private static String money(BigDecimal v) {
        return v == null ? "-" : "$" + v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Stops the listeners. */
    @Override
    public void close() {
        for (AutoCloseable l : listeners) {
            try {
                l.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", l, e.getMessage());
            }
        }
        listeners.clear();
    }
}
