package org.leverdesk.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole user configuration: broker, risk limits, each strategy's settings (parameters, capital
 * share, schedule) and the notification channels. It holds no secrets: API keys, tokens, webhook URLs
 * and passwords come from {@link Secrets}. Saved as JSON by {@link ConfigFile}.
 */
public record AppConfig(BrokerSettings broker, RiskSettings risk, List<StrategySettings> strategies,
                        NotificationSettings notifications, AdvisorSettings advisor, ChatSettings chat,
                        OptionsPortfolio portfolio) {
    public AppConfig {
        broker = broker == null ? BrokerSettings.defaults() : broker;
        risk = risk == null ? RiskSettings.defaults() : risk;
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        notifications = notifications == null ? NotificationSettings.defaults() : notifications;
        advisor = advisor == null ? AdvisorSettings.defaults() : advisor;
        chat = chat == null ? ChatSettings.defaults() : chat;
    }

    /** A config without an options portfolio (seed 003's modes). */
    public AppConfig(BrokerSettings broker, RiskSettings risk, List<StrategySettings> strategies,
                     NotificationSettings notifications, AdvisorSettings advisor, ChatSettings chat) {
        this(broker, risk, strategies, notifications, advisor, chat, null);
    }

    /** A config without chat commands. */
    public AppConfig(BrokerSettings broker, RiskSettings risk, List<StrategySettings> strategies,
                     NotificationSettings notifications, AdvisorSettings advisor) {
        this(broker, risk, strategies, notifications, advisor, null, null);
    }

    /** A config with the default advisor settings. */
    public AppConfig(BrokerSettings broker, RiskSettings risk, List<StrategySettings> strategies,
                     NotificationSettings notifications) {
        this(broker, risk, strategies, notifications, null, null, null);
    }

    /** Paper broker on the demo market, default risk limits, no strategy enabled, no notifications. */
    public static AppConfig defaults() {
        return new AppConfig(BrokerSettings.defaults(), RiskSettings.defaults(), List.of(), NotificationSettings.defaults());
    }

    /**
     * What a first start on the paper broker writes (the window's first-run dialog, {@code leverdesk init}
     * without strategies named): the defaults with the regime strategy (seed 000) enabled on the whole paper
     * account, so the scheduler has something to run; the strategy itself invests at most 30% of it.
     */
    public static AppConfig starter() {
        return defaults().withStrategy(new StrategySettings(STARTER_STRATEGY, true, 1.0, null, null));
    }

    /** The strategy {@link #starter()} enables. */
    public static final String STARTER_STRATEGY = "regime";

    /** The settings of {@code strategyId}, if configured. */
    public Optional<StrategySettings> strategy(String strategyId) {
        return strategies.stream().filter(s -> s.strategyId().equals(strategyId)).findFirst();
    }

    /** The strategies that run live (scheduler, {@code leverdesk run}). */
    public List<StrategySettings> enabledStrategies() {
        return strategies.stream().filter(StrategySettings::enabled).toList();
    }

    /** The scheduled jobs of every enabled strategy, in their order (a one-line error for a bad schedule). */
    public List<org.leverdesk.schedule.JobDefinition> jobs() {
        List<org.leverdesk.schedule.JobDefinition> jobs = new java.util.ArrayList<>();
        enabledStrategies().forEach(s -> jobs.addAll(s.jobs()));
        return List.copyOf(jobs);
    }

    /** A copy with other chat-command settings. */
    public AppConfig withChat(ChatSettings settings) {
        return new AppConfig(broker, risk, strategies, notifications, advisor, settings, portfolio);
    }

    /** A copy with other broker settings. */
    public AppConfig withBroker(BrokerSettings settings) {
        return new AppConfig(settings, risk, strategies, notifications, advisor, chat, portfolio);
    }

    /** A copy with {@code settings} replacing (or added as) the strategy of the same id. */
    public AppConfig withStrategy(StrategySettings settings) {
        List<StrategySettings> next = new java.util.ArrayList<>(strategies.stream()
                .filter(s -> !s.strategyId().equals(settings.strategyId())).toList());
        next.add(settings);
        return new AppConfig(broker, risk, next, notifications, advisor, chat, portfolio);
    }

    /**
     * A copy running {@code next} (seed 003's mode and assets): the strategies it combines replace any configured
     * {@code dca}, {@code wheel}, {@code covered-call}, {@code spreads} and {@code condor} (whose schedules they keep),
     * the others stay. {@code null} removes the portfolio and those strategies.
     */
    public AppConfig withPortfolio(OptionsPortfolio next) {
        List<StrategySettings> kept = new java.util.ArrayList<>(strategies.stream()
                .filter(s -> !OptionsPortfolio.STRATEGIES.contains(s.strategyId())).toList());
        if (next != null) {
            kept.addAll(next.expand(strategies));
        }
        return new AppConfig(broker, risk, kept, notifications, advisor, chat, next);
    }
}
