package org.leverdesk.ui.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.BrokerKind;
import org.leverdesk.config.BrokerSettings;
import org.leverdesk.config.DataFeed;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.config.Secrets;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.strategy.catalog.Choice;
import org.leverdesk.strategy.catalog.NumberRange;
import org.leverdesk.strategy.catalog.ParameterValues;
import org.leverdesk.strategy.catalog.Params;
import org.leverdesk.strategy.catalog.PercentBase;
import org.leverdesk.strategy.catalog.StrategyDescriptor;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.ui.common.form.FormModel;

/**
 * The fields of the Settings editor — every one declared with the strategies' parameter model
 * (label, unit, kind, range, help) — and the mapping between them and an {@link AppConfig}: filling
 * the fields from a config, building a config from what is typed, and putting each problem, in
 * labels, next to the field it is about.
 */
final class SettingsForm {
    static final String BROKER = "Broker";
    static final String RISK = "Risk";
    static final String OPTIONS_MODE = "Options mode (seed 003)";
    static final String MODE_OFF = "off";
    static final String NOTIFICATIONS = "Notifications";
    static final String ADVISOR = "Research advisor";
    static final String CHAT = "Chat commands";
    private static final String SECRET = "secret.";

    private final List<StrategyDescriptor> strategies;
    private final Secrets secrets;
    private final Map<String, FieldModel> fields = new LinkedHashMap<>();
    private final double defaultShare;
    // Strategies in the config that the catalog does not list: kept as they are.
    private List<StrategySettings> others = List.of();
    // Each strategy's parameters that have no field (the traded symbol, e.g. monthly rebalance on QQQM): kept
    // as loaded, so a save does not move the strategy back to its default symbol.
    private Map<String, Map<String, String>> undeclared = Map.of();
    // Seed 003's portfolio (mode and assets) is kept as loaded: its strategies are edited like the others.
    private org.leverdesk.config.OptionsPortfolio portfolio;
    /** The risk engine's limits: edited with `leverdesk config set risk.limits.…`, kept as loaded when Settings saves. */
    private org.leverdesk.config.RiskLimits limits = org.leverdesk.config.RiskLimits.defaults();

    SettingsForm(List<StrategyDescriptor> strategies, Secrets secrets) {
        this.strategies = List.copyOf(strategies);
        this.secrets = secrets;
        // A share every strategy can have at once without the enabled ones adding up to more than 100%.
        this.defaultShare = strategies.isEmpty() ? 1 : Math.floor(100.0 / strategies.size()) / 100;
        add(BROKER, "broker.kind", Params.choice("kind", "Broker", "PAPER", "Who receives the orders",
                new Choice(BrokerKind.PAPER.name(), "Built-in paper broker"), new Choice(BrokerKind.ALPACA.name(), "Alpaca")));
        add(BROKER, "broker.alpacaEndpoint", Params.choice("alpacaEndpoint", "Alpaca endpoint", "PAPER",
                "Alpaca's paper sandbox, or the live endpoint that trades real money",
                new Choice(AlpacaEndpoint.PAPER.name(), "Paper (sandbox)"), new Choice(AlpacaEndpoint.LIVE.name(), "Live (real money)")));
        add(BROKER, "broker.liveTradingEnabled", Params.onOff("liveTradingEnabled", "Live trading enabled", false,
                "Real orders need Alpaca, the live endpoint and this switch; you are asked to confirm"));
        add(BROKER, "broker.dataFeed", Params.choice("dataFeed", "Market data feed", DataFeed.IEX.name(),
                "Where prices come from: IEX is free; SIP needs a plan with real-time SIP",
                new Choice(DataFeed.IEX.name(), "IEX (free)"), new Choice(DataFeed.SIP.name(), "SIP (paid plan)")));
        secret(BROKER, Secrets.ALPACA_KEY_ID, "Alpaca key id", "API key id from the Alpaca dashboard");
        secret(BROKER, Secrets.ALPACA_SECRET_KEY, "Alpaca secret key", "API secret key from the Alpaca dashboard");
        add(RISK, "risk.tolerancePercent", Params.percent("tolerancePercent", "Tolerance", 2, PercentBase.POINTS,
                NumberRange.of(0, 50, 0.5), "Differences smaller than this share of the target are not traded"));
        add(RISK, "risk.minTradeValue", Params.money("minTradeValue", "Minimum trade", 100, NumberRange.of(0, 1_000_000, 10),
                "Orders worth less than this are not sent"));
        add(RISK, "risk.limitOffsetPercent", Params.percent("limitOffsetPercent", "Limit offset", 0.5, PercentBase.POINTS,
                NumberRange.of(0, 10, 0.1), "Limit orders are priced this far from the mid"));
        add(RISK, "risk.maxRequestsPerMinute", Params.whole("maxRequestsPerMinute", "Broker requests", 190, "per minute", 1, 200,
                "Client-side rate limit for broker calls (Alpaca allows 200)"));
        add(RISK, "risk.maxQuoteAgeSeconds", Params.whole("maxQuoteAgeSeconds", "Maximum quote age", 900, "seconds", 1, 86_400,
                "A quote older than this is stale and blocks the trade"));
        add(RISK, "risk.maxPriceAgeSessions", Params.whole("maxPriceAgeSessions", "Maximum price age", 0, "sessions", 0, 250,
                "Daily prices may end this many sessions before the last completed one; older prices block every order"));
        add(RISK, "risk.maxClockSkewSeconds", Params.whole("maxClockSkewSeconds", "Maximum broker clock skew",
                RiskSettings.DEFAULT_MAX_CLOCK_SKEW_SECONDS, "seconds", 1, 3_600,
                "A broker clock further off than this from this computer's blocks every order"));
        add(RISK, "risk.externalPositions", Params.choice("externalPositions", "Shares bought outside Leverdesk", "IGNORE",
                "Shares at the broker that no Leverdesk order explains",
                new Choice(ExternalPositions.IGNORE.name(), "Report and leave alone"),
                new Choice(ExternalPositions.ADOPT.name(), "The strategy of that symbol may trade them"),
                new Choice(ExternalPositions.BLOCK.name(), "Stop trading that symbol until confirmed")));
        // Seed 003's mode and symbols portfolio: saved, it expands into the dca / covered-call / wheel / spreads / condor
        // settings below with the mode's shares (the same expansion as 'leverdesk config options-mode').
        add(OPTIONS_MODE, "portfolio.mode", Params.choice("mode", "Mode", MODE_OFF,
                "The option strategies and their shares; saving sets them below",
                new Choice(MODE_OFF, "Off: the strategies below as set"),
                new Choice("conservative", "Conservative: DCA 70% + covered calls 30%"),
                new Choice("balanced", "Balanced: DCA 40% + the wheel 60%"),
                new Choice("enhanced", "Enhanced: DCA 35% + wheel 50% + spreads 7.5% + condors 7.5%")));
        add(OPTIONS_MODE, "portfolio.weeklyDcaTotal", Params.money("weeklyDcaTotal", "Weekly DCA total", 100,
                NumberRange.of(0, 100_000_000, 10).aboveMin(), "Dollars a week, split by the assets' weights"));
        add(OPTIONS_MODE, "portfolio.capitalShare", Params.percent("capitalShare", "Mode's capital share", 1.0, PercentBase.FRACTION,
                NumberRange.of(0, 100, 1).aboveMin(), "Share of the account the whole mode uses"));
        add(OPTIONS_MODE, "portfolio.symbols", Params.text("symbols", "Assets", "",
                "TICKER:OPTIONS:WEIGHT:STRATEGIES:MAX SHARE; ... e.g. QQQM:QQQ:0.45:dca,wheel:0.5"));
        for (StrategyDescriptor s : strategies) {
            String g = s.displayName();
            String k = "strategies." + s.id() + ".";
            add(g, k + "enabled", Params.onOff("enabled", "Enabled", false, "Trade " + s.id() + " live (scheduler and 'leverdesk run')"));
            add(g, k + "capitalShare", Params.percent("capitalShare", "Capital share", defaultShare, PercentBase.FRACTION,
                    NumberRange.of(0, 100, 1).aboveMin(), "Share of account equity it may use; the enabled strategies together at most 100%"));
            add(g, k + "schedule", Params.text("schedule", "Schedule", "",
                    "When its job runs, e.g. close-10m or weekly:MON@open+30m; empty: the strategy's default"));
            for (ParameterSpec p : s.parameters()) {
                add(g, k + "parameters." + p.name(), p);
            }
        }
        add(NOTIFICATIONS, "notifications.desktop", Params.onOff("desktop", "Desktop", true, "Pop-up notifications on this computer"));
        add(NOTIFICATIONS, "notifications.telegram", Params.onOff("telegram", "Telegram", false, "Messages from your Telegram bot"));
        add(NOTIFICATIONS, "notifications.telegramChatId", Params.text("telegramChatId", "Telegram chat id", "",
                "The chat the bot writes to (needed when Telegram is on)"));
        secret(NOTIFICATIONS, Secrets.TELEGRAM_BOT_TOKEN, "Telegram bot token", "The token BotFather gave you");
        add(NOTIFICATIONS, "notifications.discord", Params.onOff("discord", "Discord", false, "Messages to a Discord channel's webhook"));
        secret(NOTIFICATIONS, Secrets.DISCORD_WEBHOOK_URL, "Discord webhook URL", "Channel settings → Integrations → Webhooks");
        add(NOTIFICATIONS, "notifications.email", Params.onOff("email", "E-mail", false, "Messages by e-mail through your SMTP server"));
        add(NOTIFICATIONS, "notifications.smtpHost", Params.text("smtpHost", "SMTP host", "", "Outgoing mail server, e.g. smtp.example.com"));
        add(NOTIFICATIONS, "notifications.smtpPort", Params.whole("smtpPort", "SMTP port", 587, "", 1, 65_535,
                "587 for STARTTLS, 465 for TLS"));
        add(NOTIFICATIONS, "notifications.smtpUser", Params.text("smtpUser", "SMTP user", "", "Login name; empty when the server needs none"));
        secret(NOTIFICATIONS, Secrets.SMTP_PASSWORD, "SMTP password", "Password of the SMTP user");
        add(NOTIFICATIONS, "notifications.emailFrom", Params.text("emailFrom", "From", "", "Sender address"));
        add(NOTIFICATIONS, "notifications.emailTo", Params.text("emailTo", "To", "", "Where the messages go (comma-separated)"));
        add(CHAT, "chat.telegram", Params.onOff("telegram", "Telegram commands", false,
                "Take /status, /closeall, ... from the listed Telegram chats (the bot token above)"));
        add(CHAT, "chat.telegramChatIds", Params.text("telegramChatIds", "Allowed chat ids", "",
                "Comma-separated; a private chat's id is your user id; nobody else may command"));
        add(CHAT, "chat.discord", Params.onOff("discord", "Discord commands", false,
                "Take slash commands from the listed Discord users"));
        add(CHAT, "chat.discordUserIds", Params.text("discordUserIds", "Allowed Discord user ids", "",
                "Comma-separated (Developer Mode > right-click a user > Copy User ID)"));
        add(CHAT, "chat.discordApplicationId", Params.text("discordApplicationId", "Discord application id", "",
                "Developer Portal > General Information > Application ID"));
        add(CHAT, "chat.discordGuildId", Params.text("discordGuildId", "Discord server id", "",
                "The server whose slash commands are registered (empty: every server, shown within an hour)"));
        secret(CHAT, Secrets.DISCORD_BOT_TOKEN, "Discord bot token", "Developer Portal > Bot > Reset Token");
        add(ADVISOR, "advisor.autoApplyPaper", Params.onOff("autoApplyPaper", "Auto-apply on paper", false,
                "Make a suggestion active at once when its measured confidence is above 50% — only ever on a paper account"));
        add(ADVISOR, "advisor.llmEnabled", Params.onOff("llmEnabled", "Ask an LLM", false,
                "Also send the backtest summary and the similar sessions to an LLM (off by default)"));
        add(ADVISOR, "advisor.llmApi", Params.choice("llmApi", "LLM API", "anthropic", "How the LLM is spoken to",
                new Choice("anthropic", "Anthropic Messages API"), new Choice("openai", "OpenAI chat completions (also local servers)")));
        add(ADVISOR, "advisor.llmEndpoint", Params.text("llmEndpoint", "LLM endpoint", "", "https:// URL; empty: the API's own"));
        add(ADVISOR, "advisor.llmModel", Params.text("llmModel", "LLM model", "", "The model name your provider lists (needed when the LLM is on)"));
        secret(ADVISOR, Secrets.LLM_API_KEY, "LLM API key", "The provider's API key");
    }

    List<FieldModel> fields() {
        return List.copyOf(fields.values());
    }

    FieldModel field(String key) {
        FieldModel f = fields.get(key);
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
        set("broker.dataFeed", b.dataFeed().name());
        RiskSettings r = config.risk();
        set("risk.tolerancePercent", r.tolerancePercent());
        set("risk.minTradeValue", r.minTradeValue());
        set("risk.limitOffsetPercent", r.limitOffsetPercent());
        set("risk.maxRequestsPerMinute", r.maxRequestsPerMinute());
        set("risk.maxQuoteAgeSeconds", r.maxQuoteAgeSeconds());
        set("risk.maxPriceAgeSessions", r.maxPriceAgeSessions());
        set("risk.maxClockSkewSeconds", r.maxClockSkewSeconds());
        set("risk.externalPositions", r.externalPositions().name());
        Map<String, Map<String, String>> kept = new java.util.HashMap<>();
        for (StrategyDescriptor s : strategies) {
            String k = "strategies." + s.id() + ".";
            Optional<StrategySettings> st = config.strategy(s.id());
            Map<String, String> extra = new LinkedHashMap<>(st.map(StrategySettings::parameters).orElse(Map.of()));
            s.parameters().forEach(spec -> extra.remove(spec.name()));
            kept.put(s.id(), Map.copyOf(extra));
            set(k + "enabled", st.map(StrategySettings::enabled).orElse(false));
            set(k + "capitalShare", st.map(StrategySettings::capitalShare).orElse(defaultShare));
            set(k + "schedule", st.map(StrategySettings::schedule).orElse(""));
            Map<String, String> params = st.map(StrategySettings::parameters).orElse(Map.of());
            for (ParameterSpec p : s.parameters()) {
                set(k + "parameters." + p.name(), params.getOrDefault(p.name(), p.defaultValue()));
            }
        }
        undeclared = Map.copyOf(kept);
        limits = config.risk().limits();
        portfolio = config.portfolio();
        org.leverdesk.config.OptionsPortfolio p = portfolio;
        set("portfolio.mode", p == null || p.mode() == null ? MODE_OFF : p.mode().label());
        set("portfolio.weeklyDcaTotal", p == null ? 100.0 : p.weeklyDcaTotal());
        set("portfolio.capitalShare", p == null ? 1.0 : p.capitalShare());
        set("portfolio.symbols", p == null ? "" : String.join("; ", p.symbols().stream()
                .map(org.leverdesk.config.PortfolioAsset::spec).toList()));
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
        var c = config.chat();
        set("chat.telegram", c.telegram());
        set("chat.telegramChatIds", c.telegramChatIds());
        set("chat.discord", c.discord());
        set("chat.discordUserIds", c.discordUserIds());
        set("chat.discordApplicationId", c.discordApplicationId());
        set("chat.discordGuildId", c.discordGuildId());
        var a = config.advisor();
        set("advisor.autoApplyPaper", a.autoApplyPaper());
        set("advisor.llmEnabled", a.llmEnabled());
        set("advisor.llmApi", a.llmApi());
        set("advisor.llmEndpoint", a.llmEndpoint());
        set("advisor.llmModel", a.llmModel());
    }

    /** The config the fields describe, or empty while a field cannot be read. */
    Optional<AppConfig> build() {
        try {
            BrokerSettings broker = new BrokerSettings(BrokerKind.valueOf(text("broker.kind")),
                    AlpacaEndpoint.valueOf(text("broker.alpacaEndpoint")), bool("broker.liveTradingEnabled"),
                    DataFeed.valueOf(text("broker.dataFeed")));
            RiskSettings risk = new RiskSettings(number("risk.tolerancePercent"), number("risk.minTradeValue"),
                    number("risk.limitOffsetPercent"), integer("risk.maxRequestsPerMinute"), integer("risk.maxQuoteAgeSeconds"),
                    integer("risk.maxPriceAgeSessions"), integer("risk.maxClockSkewSeconds"),
                    ExternalPositions.valueOf(text("risk.externalPositions")), limits);
            List<StrategySettings> list = new ArrayList<>();
            for (StrategyDescriptor s : strategies) {
                String k = "strategies." + s.id() + ".";
                Map<String, String> params = new LinkedHashMap<>(undeclared.getOrDefault(s.id(), Map.of()));
                params.putAll(parameters(s));
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
            var chat = new org.leverdesk.config.ChatSettings(bool("chat.telegram"), text("chat.telegramChatIds"),
                    bool("chat.discord"), text("chat.discordUserIds"), text("chat.discordApplicationId"),
                    text("chat.discordGuildId"));
            org.leverdesk.config.OptionsPortfolio next = typedPortfolio();
            return Optional.of(new AppConfig(broker, risk, withPortfolio(list, next), n, advisor, chat, next));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks every field, marks each with its problem, and returns every problem at once, each as
     * "group · problem" in labels (empty when the config can be saved). {@code parameterCheck} is the
     * strategies' own check of a parameter set.
     */
    List<String> validate(BiConsumer<String, Map<String, String>> parameterCheck) {
        fields.values().forEach(f -> f.setProblem(""));
        List<String> problems = new ArrayList<>();
        for (FieldModel f : fields.values()) {
            if (!f.ownProblem().isEmpty()) {
                problems.add(f.group() + " · " + f.ownProblem());
            }
        }
        for (StrategyDescriptor s : strategies) {
            String k = "strategies." + s.id() + ".parameters.";
            boolean fieldsOk = s.parameters().stream().allMatch(p -> field(k + p.name()).ownProblem().isEmpty());
            if (!fieldsOk) {
                continue;
            }
            try {
                parameterCheck.accept(s.id(), parameters(s));
            } catch (IllegalArgumentException e) {
                String raw = FormModel.oneLine(e.getMessage());
                String words = ParameterValues.inWords(s.parameters(), raw);
                ParameterValues.about(s.parameters(), raw).ifPresent(p -> field(k + p.name()).setProblem(words));
                problems.add(s.displayName() + " · " + words);
            }
        }
        try {
            typedPortfolio();
        } catch (IllegalArgumentException e) {
            field("portfolio.symbols").setProblem(FormModel.oneLine(e.getMessage()));
            problems.add(OPTIONS_MODE + " · " + FormModel.oneLine(e.getMessage()));
        }
        Optional<AppConfig> config = build();
        if (config.isPresent() && problems.isEmpty()) {
            for (String problem : ConfigValidator.problems(config.get())) {
                List<FieldModel> about = fieldsAbout(problem, config.get());
                String words = inWords(problem);
                about.forEach(f -> f.setProblem(words));
                problems.add((about.isEmpty() ? "Settings" : about.get(0).group()) + " · " + words);
            }
        }
        return problems;
    }

    /**
     * The strategies with the options portfolio applied, in the form's order: the mode's strategies enabled with the
     * symbols, options tickers and weights its assets give (always: the Assets field is their source), with the mode's
     * capital shares when the mode or the assets changed (else the shares as edited); the portfolio strategies the mode
     * does not run are disabled. Without a portfolio (and none before) the strategies are as edited.
     */
    private List<StrategySettings> withPortfolio(List<StrategySettings> list, org.leverdesk.config.OptionsPortfolio next) {
        if (next == null && portfolio == null) {
            return list;
        }
        boolean changed = !java.util.Objects.equals(next, portfolio);
        List<StrategySettings> expanded = next == null ? List.of() : next.expand(list);
        List<StrategySettings> out = new ArrayList<>();
        for (StrategySettings s : list) {
            if (!org.leverdesk.config.OptionsPortfolio.STRATEGIES.contains(s.strategyId())) {
                out.add(s);
                continue;
            }
            Optional<StrategySettings> e = expanded.stream().filter(x -> x.strategyId().equals(s.strategyId())).findFirst();
            if (e.isPresent()) {
                Map<String, String> params = new LinkedHashMap<>(s.parameters());
                params.putAll(e.get().parameters());
                out.add(new StrategySettings(s.strategyId(), true, changed ? e.get().capitalShare() : s.capitalShare(), params,
                        s.schedule()));
            } else {
                out.add(new StrategySettings(s.strategyId(), changed ? false : s.enabled(), s.capitalShare(), s.parameters(),
                        s.schedule()));
            }
        }
        return out;
    }

    /** The portfolio the Options mode fields describe (null when off); a one-line error for a malformed asset. */
    private org.leverdesk.config.OptionsPortfolio typedPortfolio() {
        String mode = text("portfolio.mode");
        if (mode.isBlank() || mode.equals(MODE_OFF)) {
            return null;
        }
        return new org.leverdesk.config.OptionsPortfolio(org.leverdesk.config.OptionsMode.parse(mode),
                number("portfolio.weeklyDcaTotal"), number("portfolio.capitalShare"),
                org.leverdesk.config.PortfolioAsset.parseAll(text("portfolio.symbols")));
    }

    /**
     * The parameters the fields hold, in the strategy's own text and units (its own check takes these; a traded
     * symbol has no field and is checked with the whole config).
     */
    private Map<String, String> parameters(StrategyDescriptor s) {
        Map<String, String> params = new LinkedHashMap<>();
        for (ParameterSpec p : s.parameters()) {
            params.put(p.name(), field("strategies." + s.id() + ".parameters." + p.name()).stored());
        }
        return params;
    }

    // A ConfigValidator line in people's words: config keys become labels.
    private String inWords(String problem) {
        if (problem.startsWith("notifications: e-mail needs")) {
            return "E-mail needs the SMTP host, From and To";
        }
        if (problem.startsWith("strategies: the enabled")) {
            return "The enabled strategies' capital shares" + problem.substring("strategies: the enabled strategies' capital shares".length());
        }
        // "portfolio.symbols[1].maxAllocPct ..." -> "Assets: asset 2 maxAllocPct ..."
        String out = java.util.regex.Pattern.compile("portfolio\\.symbols\\[(\\d+)\\]\\.?(\\w*)").matcher(problem)
                .replaceAll(r -> "portfolio.symbols: asset " + (Integer.parseInt(r.group(1)) + 1)
                        + (r.group(2).isEmpty() ? "" : " " + r.group(2)));
        for (Map.Entry<String, FieldModel> e : fields.entrySet()) {
            out = out.replace(e.getKey(), e.getValue().label());
        }
        return out;
    }

    /** Secrets typed (non-empty), by name. */
    Map<String, String> typedSecrets() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.values().stream().filter(f -> f.kind() == org.leverdesk.strategy.catalog.ParameterKind.SECRET && !text(f.key()).isEmpty())
                .forEach(f -> out.put(f.key().substring(SECRET.length()), text(f.key())));
        return out;
    }

    /** Empties the secret fields and updates their "stored / not set" prompts. */
    void clearSecrets() {
        fields.values().stream().filter(f -> f.kind() == org.leverdesk.strategy.catalog.ParameterKind.SECRET).forEach(f -> {
            f.valueProperty().set("");
            f.setPrompt(secretPrompt(f.key().substring(SECRET.length())));
        });
    }

    // The fields a ConfigValidator problem is about: the key it starts with, or for the two
    // problems about several settings, those settings.
    private List<FieldModel> fieldsAbout(String problem, AppConfig config) {
        if (problem.startsWith("strategies: the enabled")) {
            return config.enabledStrategies().stream().map(s -> fields.get("strategies." + s.strategyId() + ".capitalShare"))
                    .filter(java.util.Objects::nonNull).toList();
        }
        if (problem.startsWith("notifications: e-mail")) {
            return List.of("smtpHost", "emailFrom", "emailTo").stream().map(n -> field("notifications." + n))
                    .filter(f -> text(f.key()).isEmpty()).toList();
        }
        return fields.keySet().stream().filter(k -> problem.startsWith(k + " ") || problem.startsWith(k + ":") || problem.startsWith(k + "["))
                .max(java.util.Comparator.comparingInt(String::length)).map(fields::get).map(List::of).orElse(List.of());
    }

    private void add(String group, String key, ParameterSpec spec) {
        fields.put(key, new FieldModel(key, group, spec));
    }

    private void secret(String group, String name, String label, String description) {
        FieldModel f = new FieldModel(SECRET + name, group, Params.secret(name, label, description + "; kept in "
                + Secrets.FILE_NAME + ", never in the config"));
        f.setPrompt(secretPrompt(name));
        fields.put(SECRET + name, f);
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
        field(key).load(text);
    }

    /** The field's value in the config's own text and unit (0.25 for a 25% share). */
    private String text(String key) {
        return field(key).stored();
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
