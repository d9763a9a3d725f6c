package org.leverdesk.ui.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.ui.settings.SettingField.Kind;

/**
 * The fields of the Settings editor and the mapping between them and an {@link AppConfig}: filling
 * the fields from a config, building a config from the text typed, and putting each problem next to
 * the field it is about.
 */
final class SettingsForm {
    static final String BROKER = "Broker";
    static final String RISK = "Risk";
    static final String NOTIFICATIONS = "Notifications";
    static final String ADVISOR = "Research advisor";
    private static final String SECRET = "secret.";
    private static final List<String> BOOL = List.of("true", "false");

    private final List<StrategyDescriptor> strategies;
    private final Secrets secrets;
    private final Map<String, SettingField> fields = new LinkedHashMap<>();
    private final double defaultShare;
    // Strategies in the config that the catalog does not list: kept as they are.
    private List<StrategySettings> others = List.of();

    SettingsForm(List<StrategyDescriptor> strategies, Secrets secrets) {
        this.strategies = List.copyOf(strategies);
        this.secrets = secrets;
        // A share every strategy can have at once without the enabled ones adding up to more than 100%.
        this.defaultShare = strategies.isEmpty() ? 1 : Math.floor(100.0 / strategies.size()) / 100;
        add(BROKER, "broker.kind", "Broker", "PAPER: the built-in paper broker; ALPACA: your Alpaca account",
                Kind.CHOICE, enumNames(BrokerKind.values()));
        add(BROKER, "broker.alpacaEndpoint", "Alpaca endpoint", "PAPER is Alpaca's sandbox; LIVE trades real money",
                Kind.CHOICE, enumNames(AlpacaEndpoint.values()));
        add(BROKER, "broker.liveTradingEnabled", "Live trading enabled",
                "Real orders need Alpaca, the LIVE endpoint and this switch; you are asked to confirm", Kind.BOOLEAN, BOOL);
        secret(BROKER, Secrets.ALPACA_KEY_ID, "Alpaca key id", "API key id from the Alpaca dashboard");
        secret(BROKER, Secrets.ALPACA_SECRET_KEY, "Alpaca secret key", "API secret key from the Alpaca dashboard");
        add(RISK, "risk.tolerancePercent", "Tolerance %", "Differences smaller than this percentage of the target are not traded (0–50)",
                Kind.NUMBER, List.of());
        add(RISK, "risk.minTradeValue", "Minimum trade $", "Orders worth less than this many dollars are not sent (0–1,000,000)",
                Kind.NUMBER, List.of());
        add(RISK, "risk.limitOffsetPercent", "Limit offset %", "Limit orders are priced this far from the mid (0–10)",
                Kind.NUMBER, List.of());
        add(RISK, "risk.maxRequestsPerMinute", "Broker requests / minute", "Client-side rate limit for broker calls (1–200; Alpaca allows 200)",
                Kind.NUMBER, List.of());
        add(RISK, "risk.maxQuoteAgeSeconds", "Maximum quote age (s)", "A quote older than this is stale and blocks the trade (1–86,400)",
                Kind.NUMBER, List.of());
        add(RISK, "risk.maxPriceAgeSessions", "Maximum price age (sessions)",
                "Daily prices may end this many sessions before the last completed one; older prices block every order (0–250)",
                Kind.NUMBER, List.of());
        for (StrategyDescriptor s : strategies) {
            String g = s.displayName();
            String k = "strategies." + s.id() + ".";
            add(g, k + "enabled", "Enabled", "Trade " + s.id() + " live (scheduler and 'leverdesk run')", Kind.BOOLEAN, BOOL);
            add(g, k + "capitalShare", "Capital share", "Fraction of account equity it may use, above 0 and at most 1; "
                    + "the enabled strategies together at most 1", Kind.NUMBER, List.of());
            add(g, k + "schedule", "Schedule", "When its job runs, in the scheduler's notation; empty: the strategy's default",
                    Kind.TEXT, List.of());
            for (StrategyDescriptor.ParameterSpec p : s.parameters()) {
                add(g, k + "parameters." + p.name(), p.name(), p.description() + " (default " + p.defaultValue() + ")",
                        Kind.TEXT, List.of());
            }
        }
        add(NOTIFICATIONS, "notifications.desktop", "Desktop", "Pop-up notifications on this computer", Kind.BOOLEAN, BOOL);
        add(NOTIFICATIONS, "notifications.telegram", "Telegram", "Messages from your Telegram bot", Kind.BOOLEAN, BOOL);
        add(NOTIFICATIONS, "notifications.telegramChatId", "Telegram chat id", "The chat the bot writes to (needed when Telegram is on)",
                Kind.TEXT, List.of());
        secret(NOTIFICATIONS, Secrets.TELEGRAM_BOT_TOKEN, "Telegram bot token", "The token BotFather gave you");
        add(NOTIFICATIONS, "notifications.discord", "Discord", "Messages to a Discord channel's webhook", Kind.BOOLEAN, BOOL);
        secret(NOTIFICATIONS, Secrets.DISCORD_WEBHOOK_URL, "Discord webhook URL", "Channel settings → Integrations → Webhooks");
        add(NOTIFICATIONS, "notifications.email", "E-mail", "Messages by e-mail through your SMTP server", Kind.BOOLEAN, BOOL);
        add(NOTIFICATIONS, "notifications.smtpHost", "SMTP host", "Outgoing mail server, e.g. smtp.example.com", Kind.TEXT, List.of());
        add(NOTIFICATIONS, "notifications.smtpPort", "SMTP port", "1–65,535; 587 for STARTTLS, 465 for TLS", Kind.NUMBER, List.of());
        add(NOTIFICATIONS, "notifications.smtpUser", "SMTP user", "Login name; empty when the server needs none", Kind.TEXT, List.of());
        secret(NOTIFICATIONS, Secrets.SMTP_PASSWORD, "SMTP password", "Password of the SMTP user");
        add(NOTIFICATIONS, "notifications.emailFrom", "From", "Sender address", Kind.TEXT, List.of());
        add(NOTIFICATIONS, "notifications.emailTo", "To", "Where the messages go", Kind.TEXT, List.of());
        add(ADVISOR, "advisor.autoApplyPaper", "Auto-apply on paper", "Make a suggestion active at once when its measured"
                + " confidence is above 50% — only ever on a paper account", Kind.BOOLEAN, BOOL);
        add(ADVISOR, "advisor.llmEnabled", "Ask an LLM", "Also send the backtest summary and similar sessions to an LLM (off by default)",
                Kind.BOOLEAN, BOOL);
        add(ADVISOR, "advisor.llmApi", "LLM API", "anthropic (Messages API) or openai (chat completions, also local servers)",
                Kind.CHOICE, List.of("anthropic", "openai"));
        add(ADVISOR, "advisor.llmEndpoint", "LLM endpoint", "https:// URL; empty: the API's own", Kind.TEXT, List.of());
        add(ADVISOR, "advisor.llmModel", "LLM model", "The model name your provider lists (needed when the LLM is on)", Kind.TEXT, List.of());
        secret(ADVISOR, Secrets.LLM_API_KEY, "LLM API key", "The provider's API key");
    }

    List<SettingField> fields() {
        return List.copyOf(fields.values());
    }

    SettingField field(String key) {
        SettingField f = fields.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no setting '" + key + "'");
        }
        return f;
    }

    /** Puts {@code config}'s values into the fields (secrets are left as typed). */
    void fill(AppConfig config) {
        BrokerSettings b = config.broker();
        set("broker.kind", b.kind().name());
        set("broker.alpacaEndpoint", b.alpacaEndpoint().name());
        set("broker.liveTradingEnabled", b.liveTradingEnabled());
        RiskSettings r = config.risk();
        set("risk.tolerancePercent", r.tolerancePercent());
        set("risk.minTradeValue", r.minTradeValue());
        set("risk.limitOffsetPercent", r.limitOffsetPercent());
        set("risk.maxRequestsPerMinute", r.maxRequestsPerMinute());
        set("risk.maxQuoteAgeSeconds", r.maxQuoteAgeSeconds());
        set("risk.maxPriceAgeSessions", r.maxPriceAgeSessions());
        for (StrategyDescriptor s : strategies) {
            String k = "strategies." + s.id() + ".";
            Optional<StrategySettings> st = config.strategy(s.id());
            set(k + "enabled", st.map(StrategySettings::enabled).orElse(false));
            set(k + "capitalShare", st.map(StrategySettings::capitalShare).orElse(defaultShare));
            set(k + "schedule", st.map(StrategySettings::schedule).orElse(""));
            Map<String, String> params = st.map(StrategySettings::parameters).orElse(Map.of());
            for (StrategyDescriptor.ParameterSpec p : s.parameters()) {
                set(k + "parameters." + p.name(), params.getOrDefault(p.name(), p.defaultValue()));
            }
        }
        others = config.strategies().stream().filter(s -> strategies.stream().noneMatch(d -> d.id().equals(s.strategyId()))).toList();
        NotificationSettings n = config.notifications();
        set("notifications.desktop", n.desktop());
        set("notifications.telegram", n.telegram());
        set("notifications.telegramChatId", n.telegramChatId());
        set("notifications.discord", n.discord());
        set("notifications.email", n.email());
        set("notifications.smtpHost", n.smtpHost());
        set("notifications.smtpPort", n.smtpPort());
        set("notifications.smtpUser", n.smtpUser());
        set("notifications.emailFrom", n.emailFrom());
        set("notifications.emailTo", n.emailTo());
        var a = config.advisor();
        set("advisor.autoApplyPaper", a.autoApplyPaper());
        set("advisor.llmEnabled", a.llmEnabled());
        set("advisor.llmApi", a.llmApi());
        set("advisor.llmEndpoint", a.llmEndpoint());
        set("advisor.llmModel", a.llmModel());
    }

    /** The config the fields describe, or empty when a number does not parse. */
    Optional<AppConfig> build() {
        try {
            BrokerSettings broker = new BrokerSettings(BrokerKind.valueOf(text("broker.kind")),
                    AlpacaEndpoint.valueOf(text("broker.alpacaEndpoint")), bool("broker.liveTradingEnabled"));
            RiskSettings risk = new RiskSettings(number("risk.tolerancePercent"), number("risk.minTradeValue"),
                    number("risk.limitOffsetPercent"), integer("risk.maxRequestsPerMinute"), integer("risk.maxQuoteAgeSeconds"),
                    integer("risk.maxPriceAgeSessions"));
            List<StrategySettings> list = new ArrayList<>();
            for (StrategyDescriptor s : strategies) {
                String k = "strategies." + s.id() + ".";
                Map<String, String> params = new LinkedHashMap<>();
                for (StrategyDescriptor.ParameterSpec p : s.parameters()) {
                    params.put(p.name(), text(k + "parameters." + p.name()));
                }
                list.add(new StrategySettings(s.id(), bool(k + "enabled"), number(k + "capitalShare"), params,
                        blankToNull(text(k + "schedule"))));
            }
            list.addAll(others);
            NotificationSettings n = new NotificationSettings(bool("notifications.desktop"), bool("notifications.telegram"),
                    blankToNull(text("notifications.telegramChatId")), bool("notifications.discord"), bool("notifications.email"),
                    blankToNull(text("notifications.smtpHost")), integer("notifications.smtpPort"),
                    blankToNull(text("notifications.smtpUser")), blankToNull(text("notifications.emailFrom")),
                    blankToNull(text("notifications.emailTo")));
            var advisor = new org.leverdesk.config.AdvisorSettings(bool("advisor.llmEnabled"), text("advisor.llmApi"),
                    text("advisor.llmEndpoint"), text("advisor.llmModel"), bool("advisor.autoApplyPaper"));
            return Optional.of(new AppConfig(broker, risk, list, n, advisor));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks every field, marks each with its problem, and returns all problems (empty when the config can
     * be saved). {@code parameterCheck} is the strategies' own check of a parameter set.
     */
    List<String> validate(BiConsumer<String, Map<String, String>> parameterCheck) {
        fields.values().forEach(f -> f.setProblem(""));
        List<String> problems = new ArrayList<>();
        for (SettingField f : fields.values()) {
            if (f.kind() == Kind.NUMBER && !f.text().isEmpty() && !isNumber(f)) {
                mark(problems, f, f.label() + " must be " + (isInteger(f) ? "a whole number" : "a number") + " (got '" + f.text() + "')");
            } else if (f.kind() == Kind.NUMBER && f.text().isEmpty()) {
                mark(problems, f, f.label() + " is needed");
            }
        }
        for (StrategyDescriptor s : strategies) {
            String k = "strategies." + s.id() + ".parameters.";
            Map<String, String> params = new LinkedHashMap<>();
            s.parameters().forEach(p -> params.put(p.name(), text(k + p.name())));
            try {
                parameterCheck.accept(s.id(), params);
            } catch (IllegalArgumentException e) {
                String message = SettingsViewModel.oneLine(e.getMessage());
                mark(problems, field(k + parameterNamed(s, message)), message);
            }
        }
        Optional<AppConfig> config = build();
        if (config.isPresent()) {
            for (String problem : ConfigValidator.problems(config.get())) {
                List<SettingField> about = fieldsAbout(problem, config.get());
                if (about.isEmpty()) {
                    problems.add(problem);
                }
                about.forEach(f -> f.setProblem(problem));
                if (!about.isEmpty()) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    /** Secrets typed (non-empty), by key. */
    Map<String, String> typedSecrets() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.values().stream().filter(f -> f.kind() == Kind.SECRET && !f.text().isEmpty())
                .forEach(f -> out.put(f.key().substring(SECRET.length()), f.text()));
        return out;
    }

    /** Empties the secret fields and updates their "stored / not set" prompts. */
    void clearSecrets() {
        fields.values().stream().filter(f -> f.kind() == Kind.SECRET).forEach(f -> {
            f.valueProperty().set("");
            f.setPrompt(secretPrompt(f.key().substring(SECRET.length())));
        });
    }

    // The parameter the strategy's message is about: the one it mentions first (as a whole word).
    private static String parameterNamed(StrategyDescriptor s, String message) {
        String best = s.parameters().get(0).name();
        int at = Integer.MAX_VALUE;
        for (StrategyDescriptor.ParameterSpec p : s.parameters()) {
            java.util.regex.Matcher m = Pattern.compile("\\b" + Pattern.quote(p.name()) + "\\b").matcher(message);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = p.name();
            }
        }
        return best;
    }

    // The fields a ConfigValidator problem is about: the key it starts with, or for the two
    // problems about several settings, those settings.
    private List<SettingField> fieldsAbout(String problem, AppConfig config) {
        if (problem.startsWith("strategies: the enabled")) {
            return config.enabledStrategies().stream().map(s -> fields.get("strategies." + s.strategyId() + ".capitalShare"))
                    .filter(java.util.Objects::nonNull).toList();
        }
        if (problem.startsWith("notifications: e-mail")) {
            return List.of("smtpHost", "emailFrom", "emailTo").stream().map(n -> field("notifications." + n))
                    .filter(f -> f.text().isEmpty()).toList();
        }
        return fields.keySet().stream().filter(k -> problem.startsWith(k + " ") || problem.startsWith(k + ":"))
                .max(Comparator.comparingInt(String::length)).map(fields::get).map(List::of).orElse(List.of());
    }

    private static void mark(List<String> problems, SettingField f, String problem) {
        if (f.problemProperty().get().isEmpty()) {
            f.setProblem(problem);
        }
        problems.add(problem);
    }

    private void add(String group, String key, String label, String description, Kind kind, List<String> choices) {
        fields.put(key, new SettingField(group, key, label, description, kind, choices, "", ""));
    }

    private void secret(String group, String name, String label, String description) {
        fields.put(SECRET + name, new SettingField(group, SECRET + name, label, description + "; kept in "
                + Secrets.FILE_NAME + ", never in the config", Kind.SECRET, List.of(), "", secretPrompt(name)));
    }

    private String secretPrompt(String name) {
        try {
            return secrets.get(name).isPresent() ? "stored · type to replace" : "not set";
        } catch (RuntimeException e) {
            return "cannot read the secrets file";
        }
    }

    private void set(String key, Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Double d) {
            text = d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : Double.toString(d);
        } else {
            text = value.toString();
        }
        field(key).valueProperty().set(text);
    }

    private String text(String key) {
        return field(key).text();
    }

    private boolean bool(String key) {
        return Boolean.parseBoolean(text(key));
    }

    private double number(String key) {
        return Double.parseDouble(text(key));
    }

    private int integer(String key) {
        return Integer.parseInt(text(key));
    }

    private static boolean isInteger(SettingField f) {
        return f.key().endsWith("PerMinute") || f.key().endsWith("Seconds") || f.key().endsWith("Port");
    }

    private static boolean isNumber(SettingField f) {
        try {
            if (isInteger(f)) {
                Integer.parseInt(f.text());
            } else {
                double d = Double.parseDouble(f.text());
                return Double.isFinite(d);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> enumNames(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v.name().toUpperCase(Locale.ROOT)).toList();
    }
}
