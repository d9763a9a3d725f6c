package org.leverdesk.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a config's values; each problem is one line naming the setting and the allowed range. */
public final class ConfigValidator {
    private ConfigValidator() {
    }

    /** Every problem of {@code config}; empty when it can be saved and used. */
    public static List<String> problems(AppConfig config) {
        List<String> problems = new ArrayList<>();
        RiskSettings r = config.risk();
        range(problems, "risk.tolerancePercent", r.tolerancePercent(), 0, 50);
        range(problems, "risk.minTradeValue", r.minTradeValue(), 0, 1_000_000);
        range(problems, "risk.limitOffsetPercent", r.limitOffsetPercent(), 0, 10);
        range(problems, "risk.maxRequestsPerMinute", r.maxRequestsPerMinute(), 1, 200);
        range(problems, "risk.maxQuoteAgeSeconds", r.maxQuoteAgeSeconds(), 1, 86_400);
        range(problems, "risk.maxPriceAgeSessions", r.maxPriceAgeSessions(), 0, 250);
        range(problems, "risk.maxClockSkewSeconds", r.maxClockSkewSeconds(), 1, 3_600);
        Set<String> seen = new HashSet<>();
        double enabledShare = 0;
        for (StrategySettings s : config.strategies()) {
            if (s.strategyId() == null || s.strategyId().isBlank()) {
                problems.add("strategies: every strategy needs a strategyId");
                continue;
            }
            if (!seen.add(s.strategyId())) {
                problems.add("strategies." + s.strategyId() + ": configured twice; keep one entry");
            }
            if (!(s.capitalShare() > 0 && s.capitalShare() <= 1)) {
                problems.add("strategies." + s.strategyId() + ".capitalShare must be above 0 and at most 1 (got "
                        + s.capitalShare() + ")");
            } else if (s.enabled()) {
                enabledShare += s.capitalShare();
            }
        }
        if (enabledShare > 1 + 1e-9) {
            problems.add("strategies: the enabled strategies' capital shares add up to " + Math.round(enabledShare * 100)
                    + "%; lower them to 100% or less so they cannot trade the same dollars twice");
        }
        NotificationSettings n = config.notifications();
        if (n.telegram() && blank(n.telegramChatId())) {
            problems.add("notifications.telegramChatId is needed when Telegram is on");
        }
        if (n.email() && (blank(n.smtpHost()) || blank(n.emailFrom()) || blank(n.emailTo()))) {
            problems.add("notifications: e-mail needs smtpHost, emailFrom and emailTo");
        }
        if (n.email()) {
            range(problems, "notifications.smtpPort", n.smtpPort(), 1, 65_535);
        }
        AdvisorSettings a = config.advisor();
        if (!a.llmApi().equals("anthropic") && !a.llmApi().equals("openai")) {
            problems.add("advisor.llmApi must be anthropic or openai (got '" + a.llmApi() + "')");
        }
        if (!a.llmEndpoint().isEmpty()) {
            AdvisorSettings.endpointProblem(a.llmEndpoint()).ifPresent(p -> problems.add("advisor.llmEndpoint: " + p));
        }
        if (a.llmEnabled() && a.llmModel().isEmpty()) {
            problems.add("advisor.llmModel is needed when the LLM advisor is on");
        }
        return problems;
    }

    private static void range(List<String> problems, String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            problems.add(name + " must be between " + fmt(min) + " and " + fmt(max) + " (got " + fmt(value) + ")");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
