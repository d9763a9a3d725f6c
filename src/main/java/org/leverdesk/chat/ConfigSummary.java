package org.leverdesk.chat;

import org.leverdesk.config.AppConfig;
import org.leverdesk.config.NotificationSettings;
import org.leverdesk.config.RiskLimits;
import org.leverdesk.config.StrategySettings;

/**
 * The {@code config} command's read-only summary: broker, risk limits, strategies, channels. It is built
 * from {@link AppConfig}, which holds no secret by design (tokens, keys and passwords are in
 * {@code Secrets}), and shows the channels only as on/off.
 */
final class ConfigSummary {
    private ConfigSummary() {
    }

    static String of(AppConfig c) {
        StringBuilder b = new StringBuilder("Settings (read-only; change them with 'leverdesk config set' or in Settings)");
        b.append("\nbroker: ").append(c.broker().kind()).append(", mode ").append(c.broker().mode());
        RiskLimits l = c.risk().limits();
        b.append("\nrisk: tolerance ").append(c.risk().tolerancePercent()).append("%, min trade $")
                .append(c.risk().minTradeValue()).append(", max orders/day ").append(l.maxOrdersPerDay())
                .append(", daily loss REDUCING ").append(l.dailyLossReducingPercent()).append("% / HALTED ")
                .append(l.dailyLossHaltPercent()).append('%');
        if (c.strategies().isEmpty()) {
            b.append("\nstrategies: none");
        }
        for (StrategySettings s : c.strategies()) {
            b.append("\nstrategy ").append(s.strategyId()).append(": ").append(s.enabled() ? "enabled" : "off")
                    .append(", share ").append(Math.round(s.capitalShare() * 100)).append('%')
                    .append(s.schedule() == null ? "" : ", schedule " + s.schedule())
                    .append(s.parameters().isEmpty() ? "" : ", " + s.parameters());
        }
        NotificationSettings n = c.notifications();
        b.append("\nnotifications: desktop ").append(onOff(n.desktop())).append(", Telegram ").append(onOff(n.telegram()))
                .append(", Discord ").append(onOff(n.discord())).append(", e-mail ").append(onOff(n.email()));
        b.append("\nchat commands: Telegram ").append(onOff(c.chat().telegram())).append(" (")
                .append(c.chat().telegramChats().size()).append(" chat(s) allowed), Discord ").append(onOff(c.chat().discord()))
                .append(" (").append(c.chat().discordUsers().size()).append(" user(s) allowed)");
        return b.toString();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
