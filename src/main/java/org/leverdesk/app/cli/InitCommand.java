package org.leverdesk.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigEdit;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.ConfigProblem;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk init}: writes a first config from flags (for scripts) or from questions (in a terminal). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a first config: broker, strategies with their capital shares, notifications. In a terminal",
                "without flags it asks; with flags (or --no-input) it asks nothing, for scripts. Secrets never go into",
                "the config: they come from the environment, or --secrets-stdin reads KEY=VALUE lines (ALPACA_KEY_ID,",
                "ALPACA_SECRET_KEY, TELEGRAM_BOT_TOKEN, DISCORD_WEBHOOK_URL, SMTP_PASSWORD) into secrets.properties",
                "beside the config (mode 600). Without --strategy the paper broker gets the regime strategy on the",
                "whole paper account (as the window's first start does); an Alpaca account gets none until you name",
                "one. The result is checked by the same rules as 'run' and 'daemon'; nothing is written when invalid.",
                "Example: leverdesk init --broker paper --strategy regime:0.5 --strategy rotation:0.5 -P rotation.topN=2"})
public final class InitCommand implements Callable<Integer> {
    /** Where answers and --secrets-stdin are read from (tests replace it). */
    static Supplier<InputStream> stdin = () -> System.in;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--force", description = "Replace an existing config file.")
    boolean force;

    @Option(names = "--no-input", description = "Ask nothing, even in a terminal (the defaults for what no flag says).")
    boolean noInput;

    @Option(names = "--interactive", description = "Ask the questions even without a terminal (answers from standard input).")
    boolean interactive;

    @Option(names = "--broker", paramLabel = "ACCOUNT", converter = BrokerChoice.class,
            description = "paper (default), alpaca-paper or alpaca-live.")
    BrokerSettings broker;

    @Option(names = "--live-trading", description = "With alpaca-live: switch real-money trading on (run and daemon still"
            + " need --confirm-live).")
    boolean liveTrading;

    @Option(names = "--strategy", paramLabel = "ID[:SHARE]",
            description = "Enable a strategy with its capital share (0.3 or 30%%); the shares of those without one split the rest.")
    List<String> strategies = new ArrayList<>();

    @Option(names = {"-P", "--param"}, paramLabel = "ID.NAME=VALUE", description = "A strategy parameter, e.g. -P regime.holdDays=3.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--schedule", paramLabel = "ID=NOTATION", description = "A strategy's schedule, e.g. --schedule rotation=close+15m.")
    Map<String, String> schedules = new LinkedHashMap<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting, as 'leverdesk config set' names it.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--no-desktop", description = "No desktop pop-ups (a server).")
    boolean noDesktop;

    @Option(names = "--telegram-chat-id", paramLabel = "ID", description = "Switch Telegram on, writing to this chat.")
    String telegramChatId;

    @Option(names = "--discord", description = "Switch Discord on (its webhook URL is a secret).")
    boolean discord;

    @Option(names = "--email-to", paramLabel = "ADDRESSES", description = "Switch e-mail on, to these comma-separated addresses.")
    String emailTo;

    @Option(names = "--email-from", paramLabel = "ADDRESS", description = "The sender address.")
    String emailFrom;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "The SMTP server.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "587", description = "The SMTP port (default 587).")
    int smtpPort;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "The SMTP login.")
    String smtpUser;

    @Option(names = "--secrets-stdin", description = "Read KEY=VALUE secret lines from standard input into secrets.properties.")
    boolean secretsStdin;

    private BufferedReader input;

    @Override
    public Integer call() {
        ConfigFile file = config.file();
        if (file.exists() && !force) {
            throw new IllegalArgumentException(file.path() + " exists already; change it with 'leverdesk config set KEY=VALUE',"
                    + " or replace it with 'leverdesk init --force'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> secretValues = new LinkedHashMap<>();
        if (interactive || (!noInput && !secretsStdin && noFlags() && System.console() != null)) {
            ask(out, secretValues);
        }
        if (secretsStdin) {
            secretValues.putAll(readSecrets());
        }
        AppConfig cfg = build();
        List<ConfigProblem> problems = ConfigValidator.check(cfg);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("nothing written: " + problems.get(0).text() + (problems.size() > 1 ? " (and "
                    + (problems.size() - 1) + " more)" : ""));
        }
        Secrets secrets = config.secrets();
        secretValues.forEach(secrets::put);
        file.save(cfg);
        out.println("wrote " + file.path() + ": " + ConfigCommand.summary(cfg));
        if (!secretValues.isEmpty()) {
            out.println("wrote " + String.join(", ", secretValues.keySet()) + " to " + secrets.file() + " (mode 600)");
        }
        ConfigCommand.secretProblems(cfg, secrets).forEach(p -> out.println("note: " + p));
        if (cfg.enabledStrategies().isEmpty()) {
            out.println("note: no strategy is enabled; enable one with 'leverdesk config set strategies.<id>.enabled=true"
                    + " strategies.<id>.capitalShare=<fraction>' (known: " + known() + ")");
        }
        out.println("next: 'leverdesk config validate" + option(file) + "', then 'leverdesk daemon" + option(file)
                + "' (or a systemd unit: resources/systemd/leverdesk.service)");
        out.flush();
        return 0;
    }

    private boolean noFlags() {
        return broker == null && strategies.isEmpty() && parameters.isEmpty() && schedules.isEmpty() && settings.isEmpty()
                && telegramChatId == null && !discord && emailTo == null && !noDesktop && !liveTrading;
    }

    private AppConfig build() {
        BrokerSettings b = broker == null ? BrokerSettings.defaults() : broker;
        if (liveTrading) {
            if (b.kind() != BrokerKind.ALPACA || b.alpacaEndpoint() != org.leverdesk.config.AlpacaEndpoint.LIVE) {
                throw new IllegalArgumentException("--live-trading needs --broker alpaca-live");
            }
            b = new BrokerSettings(b.kind(), b.alpacaEndpoint(), true);
        }
        NotificationSettings n = new NotificationSettings(!noDesktop, telegramChatId != null, telegramChatId, discord,
                emailTo != null, smtpHost, smtpPort, smtpUser, emailFrom, emailTo);
        AppConfig cfg = new AppConfig(b, null, strategySettings(b), n);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            cfg = ConfigEdit.set(cfg, e.getKey(), e.getValue());
        }
        return cfg;
    }

    private List<StrategySettings> strategySettings(BrokerSettings b) {
        List<String> named = new ArrayList<>(strategies);
        if (named.isEmpty() && b.kind() == BrokerKind.PAPER) {
            named.add(AppConfig.STARTER_STRATEGY + ":1");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        double given = 0;
        for (String s : named) {
            String[] parts = s.split(":", 2);
            String id = StrategyCatalog.builtIn().require(parts[0].strip()).id();
            Double share = parts.length == 2 ? share(parts[1], s) : null;
            if (shares.containsKey(id)) {
                throw new IllegalArgumentException("--strategy " + id + " is named twice; name it once");
            }
            shares.put(id, share);
            given += share == null ? 0 : share;
        }
        long without = shares.values().stream().filter(v -> v == null).count();
        double each = without == 0 ? 0 : Math.floor(Math.max(0, 1 - given) / without * 100) / 100;
        List<StrategySettings> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            String id = e.getKey();
            Map<String, String> params = new LinkedHashMap<>();
            parameters.forEach((k, v) -> {
                int dot = k.indexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException("-P " + k + ": name the strategy, e.g. -P " + id + "." + k + "=" + v);
                }
                if (k.substring(0, dot).equals(id)) {
                    params.put(k.substring(dot + 1), v);
                }
            });
            out.add(new StrategySettings(id, true, e.getValue() == null ? each : e.getValue(), params, schedules.get(id)));
        }
        for (String k : parameters.keySet()) {
            String id = k.substring(0, Math.max(0, k.indexOf('.')));
            if (!shares.containsKey(id)) {
                throw new IllegalArgumentException("-P " + k + ": strategy '" + id + "' is not enabled with --strategy");
            }
        }
        for (String id : schedules.keySet()) {
            if (!shares.containsKey(id)) {
                throw new IllegalArgumentException("--schedule " + id + ": strategy '" + id + "' is not enabled with --strategy");
            }
        }
        return out;
    }

    private static Double share(String text, String option) {
        String t = text.strip();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("--strategy " + option + ": the share must be above 0 and at most 1 (or 100%)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--strategy " + option + ": '" + t + "' is not a share; write e.g. 0.3 or 30%");
        }
    }

    /** The questions of an interactive init; each answer fills what a flag would. */
    private void ask(PrintWriter out, Map<String, String> secretValues) {
        out.println("Leverdesk setup: " + config.file().path() + " (Enter keeps the default in brackets)");
        String b = question(out, "Broker: paper, alpaca-paper or alpaca-live", "paper");
        broker = BrokerChoice.parse(b);
        if (broker.kind() == BrokerKind.ALPACA) {
            secretValues.put(Secrets.ALPACA_KEY_ID, secret(out, "Alpaca key id"));
            secretValues.put(Secrets.ALPACA_SECRET_KEY, secret(out, "Alpaca secret key"));
            if (broker.alpacaEndpoint() == org.leverdesk.config.AlpacaEndpoint.LIVE) {
                liveTrading = question(out, "Trade real money now (yes/no)", "no").toLowerCase(Locale.ROOT).startsWith("y");
            }
        }
        String s = question(out, "Strategies with their capital shares, e.g. regime:0.5,rotation:0.5 (known: " + known() + ")",
                broker.kind() == BrokerKind.PAPER ? AppConfig.STARTER_STRATEGY + ":1" : "");
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                strategies.add(part.strip());
            }
        }
        String chat = question(out, "Telegram chat id (empty: no Telegram)", "");
        if (!chat.isBlank()) {
            telegramChatId = chat.strip();
            secretValues.put(Secrets.TELEGRAM_BOT_TOKEN, secret(out, "Telegram bot token"));
        }
        String hook = secret(out, "Discord webhook URL (empty: no Discord)");
        if (!hook.isBlank()) {
            discord = true;
            secretValues.put(Secrets.DISCORD_WEBHOOK_URL, hook);
        }
        String to = question(out, "E-mail to (empty: no e-mail)", "");
        if (!to.isBlank()) {
            emailTo = to.strip();
            emailFrom = question(out, "E-mail from", emailTo.split(",")[0].strip());
            smtpHost = question(out, "SMTP host", "");
            smtpPort = Integer.parseInt(question(out, "SMTP port", "587"));
            smtpUser = question(out, "SMTP user (empty: none)", "");
            smtpUser = smtpUser.isBlank() ? null : smtpUser;
            String password = secret(out, "SMTP password (empty: none)");
            if (!password.isBlank()) {
                secretValues.put(Secrets.SMTP_PASSWORD, password);
            }
        }
        noDesktop = question(out, "Desktop pop-ups (yes/no)", "yes").toLowerCase(Locale.ROOT).startsWith("n");
        secretValues.values().removeIf(String::isBlank);
    }

    private String question(PrintWriter out, String prompt, String fallback) {
        out.print(prompt + (fallback.isEmpty() ? "" : " [" + fallback + "]") + ": ");
        out.flush();
        String line = line();
        return line == null || line.isBlank() ? fallback : line.strip();
    }

    /** A secret: read without echo in a terminal. */
    private String secret(PrintWriter out, String prompt) {
        Console console = System.console();
        if (console != null && !interactive) {
            char[] value = console.readPassword("%s (not shown): ", prompt);
            return value == null ? "" : new String(value).strip();
        }
        out.print(prompt + ": ");
        out.flush();
        String line = line();
        return line == null ? "" : line.strip();
    }

    private Map<String, String> readSecrets() {
        Map<String, String> out = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = line()) != null) {
            n++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line.strip() : line.substring(0, eq).strip();
            if (eq < 0 || !Secrets.KEYS.contains(key)) {
                throw new IllegalArgumentException("--secrets-stdin line " + n + ": expected KEY=VALUE with KEY one of "
                        + String.join(", ", Secrets.KEYS) + (eq < 0 ? "" : " (got '" + key + "')"));
            }
            out.put(key, line.substring(eq + 1).strip());
        }
        out.values().removeIf(String::isBlank);
        return out;
    }

    private String line() {
        try {
            if (input == null) {
                input = new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8));
            }
            return input.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    private static String known() {
        return String.join(", ", StrategyCatalog.builtIn().all().stream().map(StrategyDescriptor::id).toList());
    }

    private String option(ConfigFile file) {
        return config.configFile == null ? "" : " --config " + file.path();
    }
}
