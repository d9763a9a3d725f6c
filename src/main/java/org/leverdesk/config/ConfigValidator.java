package org.leverdesk.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.leverdesk.strategy.catalog.ParameterSets;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * The one check of a config, used by every entry point ({@link ConfigFile} on load and save, so
 * {@code run}, {@code daemon}, {@code init}, {@code config}, Settings and the first-run dialog): ranges,
 * strategy ids, every strategy's parameters (the strategy's own checks), schedules, capital shares and
 * two enabled strategies trading one symbol. Each problem is one line naming the setting, and says the
 * command that fixes it, so no entry point accepts what another rejects.
 */
public final class ConfigValidator {
    /** The parameter naming the traded symbol; the rest are the strategy's own. */
    public static final String SYMBOL = "symbol";

    private ConfigValidator() {
    }

    /** Every problem of {@code config} as one line each; empty when it can be saved and used. */
    public static List<String> problems(AppConfig config) {
        return check(config).stream().map(ConfigProblem::text).toList();
    }

    /** Every problem of {@code config}, with the setting it is about and the command that fixes it. */
    public static List<ConfigProblem> check(AppConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        RiskSettings r = config.risk();
        range(problems, "risk.tolerancePercent", r.tolerancePercent(), 0, 50);
        range(problems, "risk.minTradeValue", r.minTradeValue(), 0, 1_000_000);
        range(problems, "risk.limitOffsetPercent", r.limitOffsetPercent(), 0, 10);
        range(problems, "risk.maxRequestsPerMinute", r.maxRequestsPerMinute(), 1, 200);
        range(problems, "risk.maxQuoteAgeSeconds", r.maxQuoteAgeSeconds(), 1, 86_400);
        range(problems, "risk.maxPriceAgeSessions", r.maxPriceAgeSessions(), 0, 250);
        range(problems, "risk.maxClockSkewSeconds", r.maxClockSkewSeconds(), 1, 3_600);
        limits(problems, r.limits());
        strategies(problems, config.strategies());
        if (config.portfolio() != null) {
            problems.addAll(config.portfolio().problems());
        }
        notifications(problems, config.notifications());
        advisor(problems, config.advisor());
        chat(problems, config.chat());
        return List.copyOf(problems);
    }

    private static void limits(List<ConfigProblem> problems, RiskLimits l) {
        range(problems, "risk.limits.maxOrderValue", l.maxOrderValue(), 0, 1e9);
        range(problems, "risk.limits.maxPositionValue", l.maxPositionValue(), 0, 1e9);
        range(problems, "risk.limits.maxOrdersPerDay", l.maxOrdersPerDay(), 0, 10_000);
        range(problems, "risk.limits.priceBandPercent", l.priceBandPercent(), 0, 100);
        range(problems, "risk.limits.dailyLossReducingPercent", l.dailyLossReducingPercent(), 0, 100);
        range(problems, "risk.limits.dailyLossHaltPercent", l.dailyLossHaltPercent(), 0, 100);
        if (l.dailyLossReducingPercent() > 0 && l.dailyLossHaltPercent() > 0
                && l.dailyLossHaltPercent() < l.dailyLossReducingPercent()) {
            String key = "risk.limits.dailyLossHaltPercent";
            problems.add(new ConfigProblem(key, key + " (" + fmt(l.dailyLossHaltPercent()) + ") must be at least"
                    + " risk.limits.dailyLossReducingPercent (" + fmt(l.dailyLossReducingPercent()) + "): trading is reduced"
                    + " before it is halted", set(key, fmt(l.dailyLossReducingPercent()))));
        }
    }

    private static void strategies(List<ConfigProblem> problems, List<StrategySettings> strategies) {
        StrategyCatalog catalog = StrategyCatalog.builtIn();
        Set<String> seen = new HashSet<>();
        double enabledShare = 0;
        SymbolClaims claims = new SymbolClaims();
        for (StrategySettings s : strategies) {
            if (s.strategyId() == null || s.strategyId().isBlank()) {
                problems.add(new ConfigProblem("strategies", "strategies: every strategy needs a strategyId",
                        "edit the file: give each entry of \"strategies\" its \"strategyId\""));
                continue;
            }
            String k = "strategies." + s.strategyId();
            StrategyDescriptor d = catalog.find(s.strategyId()).orElse(null);
            if (d == null) {
                problems.add(new ConfigProblem(k, k + ": unknown strategy '" + s.strategyId() + "'; known: "
                        + String.join(", ", catalog.all().stream().map(StrategyDescriptor::id).toList()),
                        "leverdesk config unset " + k));
                continue;
            }
            if (!seen.add(s.strategyId())) {
                problems.add(new ConfigProblem(k, k + ": configured twice; keep one entry", "edit the file: remove one entry"));
            }
            if (Double.isNaN(s.capitalShare())) {
                problems.add(new ConfigProblem(k + ".capitalShare", k + ".capitalShare is missing; give the fraction of the"
                        + " account it may use, above 0 and at most 1", set(k + ".capitalShare", "0.3")));
            } else if (!(s.capitalShare() > 0 && s.capitalShare() <= 1)) {
                problems.add(new ConfigProblem(k + ".capitalShare", k + ".capitalShare must be above 0 and at most 1 (got "
                        + fmt(s.capitalShare()) + ")", set(k + ".capitalShare", "0.3")));
            } else if (s.enabled()) {
                enabledShare += s.capitalShare();
            }
            org.leverdesk.strategy.Strategy traded = parameters(problems, k, d, s.parameters());
            try {
                if (s.enabled() || s.schedule() != null) {
                    // A disabled strategy without a schedule of its own is not scheduled: nothing to check.
                    s.jobs();
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(k + ".schedule", k + ".schedule: " + e.getMessage(),
                        set(k + ".schedule", "close-10m")));
            }
            if (s.enabled() && traded != null) {
                // Shares stay one strategy's per symbol; options on one root may be shared (decision record 0031).
                for (SymbolClaims.Conflict conflict : claims.claim(s.strategyId(), traded)) {
                    problems.add(new ConfigProblem(k + ".enabled", "strategies: " + conflict.text() + " in one account, so each"
                            + " would count the other's shares as its own; give one of them another symbol or disable one",
                            "leverdesk config set " + k + ".enabled=false"));
                }
            }
        }
        if (enabledShare > 1 + 1e-9) {
            problems.add(new ConfigProblem("strategies", "strategies: the enabled strategies' capital shares add up to "
                    + Math.round(enabledShare * 100) + "%; lower them to 100% or less so they cannot trade the same dollars twice",
                    "leverdesk config set strategies.<id>.capitalShare=<fraction>"));
        }
    }

    /** Checks the parameters with the strategy's own rules; returns the strategy they make, or null when invalid. */
    private static org.leverdesk.strategy.Strategy parameters(List<ConfigProblem> problems, String k, StrategyDescriptor d,
                                                              Map<String, String> given) {
        Map<String, String> params = new HashMap<>(given);
        String symbol = params.remove(SYMBOL);
        try {
            ParameterSets.canonical(d, params);
            return d.factory().create(symbol == null ? d.defaultSymbol() : symbol, params);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            problems.add(new ConfigProblem(k + ".parameters", k + ".parameters: " + message,
                    "leverdesk config set " + k + ".parameters.<name>=<value>"));
            return null;
        }
    }

    private static void notifications(List<ConfigProblem> problems, NotificationSettings n) {
        if (n.telegram() && blank(n.telegramChatId())) {
            problems.add(new ConfigProblem("notifications.telegramChatId", "notifications.telegramChatId is needed when"
                    + " Telegram is on", set("notifications.telegramChatId", "<chat id>")));
        }
        if (n.email() && (blank(n.smtpHost()) || blank(n.emailFrom()) || blank(n.emailTo()))) {
            problems.add(new ConfigProblem("notifications", "notifications: e-mail needs smtpHost, emailFrom and emailTo",
                    "leverdesk config set notifications.smtpHost=<host> notifications.emailFrom=<address> notifications.emailTo=<address>"));
        }
        if (n.email()) {
            range(problems, "notifications.smtpPort", n.smtpPort(), 1, 65_535);
        }
    }

    private static void advisor(List<ConfigProblem> problems, AdvisorSettings a) {
        if (!a.llmApi().equals("anthropic") && !a.llmApi().equals("openai")) {
            problems.add(new ConfigProblem("advisor.llmApi", "advisor.llmApi must be anthropic or openai (got '" + a.llmApi()
                    + "')", set("advisor.llmApi", "anthropic")));
        }
        if (!a.llmEndpoint().isEmpty()) {
            AdvisorSettings.endpointProblem(a.llmEndpoint()).ifPresent(p -> problems.add(new ConfigProblem(
                    "advisor.llmEndpoint", "advisor.llmEndpoint: " + p, set("advisor.llmEndpoint", "<https URL>"))));
        }
        if (a.llmEnabled() && a.llmModel().isEmpty()) {
            problems.add(new ConfigProblem("advisor.llmModel", "advisor.llmModel is needed when the LLM advisor is on",
                    set("advisor.llmModel", "<model>")));
        }
    }

    private static void chat(List<ConfigProblem> problems, ChatSettings c) {
        ids(problems, "chat.telegramChatIds", c.telegramChats(), "-?[0-9]{1,20}");
        ids(problems, "chat.discordUserIds", c.discordUsers(), "[0-9]{1,20}");
        if (c.telegram() && c.telegramChats().isEmpty()) {
            problems.add(new ConfigProblem("chat.telegramChatIds", "chat.telegramChatIds is needed when Telegram commands are"
                    + " on (nobody else may command)", set("chat.telegramChatIds", "<chat id>[,<chat id>]")));
        }
        if (c.discord() && c.discordUsers().isEmpty()) {
            problems.add(new ConfigProblem("chat.discordUserIds", "chat.discordUserIds is needed when Discord commands are on"
                    + " (nobody else may command)", set("chat.discordUserIds", "<user id>[,<user id>]")));
        }
        if (c.discord() && c.discordApplicationId().isEmpty()) {
            problems.add(new ConfigProblem("chat.discordApplicationId", "chat.discordApplicationId is needed when Discord"
                    + " commands are on (Developer Portal > General Information > Application ID)",
                    set("chat.discordApplicationId", "<application id>")));
        }
        if (!c.discordApplicationId().isEmpty() && !c.discordApplicationId().matches("[0-9]{1,20}")) {
            problems.add(new ConfigProblem("chat.discordApplicationId", "chat.discordApplicationId must be a number (got '"
                    + c.discordApplicationId() + "')", set("chat.discordApplicationId", "<application id>")));
        }
        if (!c.discordGuildId().isEmpty() && !c.discordGuildId().matches("[0-9]{1,20}")) {
            problems.add(new ConfigProblem("chat.discordGuildId", "chat.discordGuildId must be a number (got '"
                    + c.discordGuildId() + "')", set("chat.discordGuildId", "<server id>")));
        }
    }

    private static void ids(List<ConfigProblem> problems, String key, List<String> ids, String pattern) {
        for (String id : ids) {
            if (!id.matches(pattern)) {
                problems.add(new ConfigProblem(key, key + " must be numeric ids separated by commas (got '" + id + "')",
                        set(key, "<id>[,<id>]")));
                return;
            }
        }
    }

    private static void range(List<ConfigProblem> problems, String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            problems.add(new ConfigProblem(name, name + " must be between " + fmt(min) + " and " + fmt(max) + " (got "
                    + fmt(value) + ")", set(name, "<value>")));
        }
    }

    private static String set(String key, String value) {
        return "leverdesk config set " + key + "=" + value;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "nothing";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
