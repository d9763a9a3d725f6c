package org.leverdesk.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole user configuration: broker, risk limits, each strategy's settings (parameters, capital
 * share, schedule) and the notification channels. It holds no secrets: API keys, tokens, webhook URLs
 * and passwords come from {@link Secrets}. Saved as JSON by {@link ConfigFile}.
 */
public record AppConfig(BrokerSettings broker, RiskSettings risk, List<StrategySettings> strategies,
                        NotificationSettings notifications, AdvisorSettings advisor) {
    public AppConfig {
        broker = broker == null ? BrokerSettings.defaults() : broker;
        risk = risk == null ? RiskSettings.defaults() : risk;
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        notifications = notifications == null ? NotificationSettings.defaults() : notifications;
        advisor = advisor == null ? AdvisorSettings.defaults() : advisor;
    }

    /** A config with the default advisor settings. */
    public AppConfig(BrokerSettings broker, RiskSettings risk, List<StrategySettings> strategies,
                     NotificationSettings notifications) {
        this(broker, risk, strategies, notifications, null);
    }

    /** Paper broker on the demo market, default risk limits, no strategy enabled, no notifications. */
    public static AppConfig defaults() {
        return new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(), List.of(), NotificationSettings.defaults());
    }

    /** The settings of {@code strategyId}, if configured. */
    public Optional<StrategySettings> strategy(String strategyId) {
        return strategies.stream().filter(s -> s.strategyId().equals(strategyId)).findFirst();
    }

    /** The strategies that run live (scheduler, {@code leverdesk run}). */
    public List<StrategySettings> enabledStrategies() {
        return strategies.stream().filter(StrategySettings::enabled).toList();
    }

    /** A copy with {@code settings} replacing (or added as) the strategy of the same id. */
    public AppConfig withStrategy(StrategySettings settings) {
        List<StrategySettings> next = new java.util.ArrayList<>(strategies.stream()
                .filter(s -> !s.strategyId().equals(settings.strategyId())).toList());
        next.add(settings);
        return new AppConfig(broker, risk, next, notifications, advisor);
    }
}
