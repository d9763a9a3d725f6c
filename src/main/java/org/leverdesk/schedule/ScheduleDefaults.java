package org.leverdesk.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.catalog.StrategyDescriptor;

/**
 * The default schedule of each strategy (from the seeds) and the jobs a configuration asks for.
 * Regime, RSI-2 and the monthly rebalance decide 10 minutes before the close (15:50 ET, 12:50 on early
 * closes; the monthly rebalance holds except on its first day and the month's last trading day); rotation
 * runs 15 minutes after the close (16:15) so its market-on-open orders are in before the next session.
 */
public final class ScheduleDefaults {
    /** The rotation strategy's id; it is not in the catalog yet but has a schedule. */
    public static final String ROTATION = "rotation";
    /** The name of the intraday exit-check job: the strategy decides only exits when it runs. */
    public static final String EXITS_JOB = "exits";
    private static final String MINUTES_BEFORE_CLOSE = "minutesBeforeClose";
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("regime", "close-10m");
        DEFAULTS.put("rsi2", "close-10m");
        // Every session at 15:50, as seed 002's scheduled task: the strategy itself holds except on its first
        // day (the initial buy) and the month's last trading day, so live runs decide on the days a backtest does.
        DEFAULTS.put("monthly-rebalance", "close-10m");
        DEFAULTS.put(ROTATION, "close+15m");
        // Seed 003's option strategies decide before the close on that day's chain, as their backtests do
        // (wheel and covered calls write options at the 15:50 quotes; DCA buys on the week's first session).
        DEFAULTS.put("wheel", "close-10m");
        DEFAULTS.put("covered-call", "close-10m");
        DEFAULTS.put("dca", "close-10m");
        DEFAULTS.put("putwrite", "close-10m");
        DEFAULTS.put("buywrite", "close-10m");
        // Seed 003's Enhanced mode: entries once a day before the close, the exits (stop, profit take, short
        // strike, close before expiry) also checked every 10 minutes of the session (issue 16 §2).
        DEFAULTS.put("spreads", "run=close-10m; " + EXITS_JOB + "=every:10m");
        DEFAULTS.put("condor", "run=close-10m; " + EXITS_JOB + "=every:10m");
    }

    private ScheduleDefaults() {
    }

    /** The default schedule text of {@code strategyId}, if it has one. */
    public static Optional<String> defaultSchedule(String strategyId) {
        return Optional.ofNullable(DEFAULTS.get(strategyId));
    }

    /**
     * The jobs of one strategy: its own {@code schedule}, else its default; a one-line error if
     * neither. A strategy whose {@code parameters} set {@code minutesBeforeClose} (regime) decides that
     * many minutes before the close by default, so the scheduler and the strategy agree on the decision time.
     */
    public static List<JobDefinition> jobsOf(String strategyId, String schedule, Map<String, String> parameters) {
        String text = schedule;
        if (text == null || text.isBlank()) {
            text = defaultSchedule(strategyId).orElseThrow(() -> new ScheduleSyntaxException(
                    "strategy " + strategyId + " has no default schedule; set one in its settings,"
                            + " e.g. \"schedule\": \"close-10m\""));
            if (ExecutionPolicy.ORDER_STYLE_MOC.equals((parameters == null ? "" : parameters.getOrDefault(ExecutionPolicy.ORDER_STYLE, "")).strip())
                    && text.equals("close-10m")) {
                // Market-on-close: decide at 15:45 so the CLS orders are in before Alpaca's 15:50 cutoff.
                text = "close-" + ExecutionPolicy.MOC_DECISION_MINUTES + "m";
            }
            String minutes = parameters == null ? null : parameters.get(MINUTES_BEFORE_CLOSE);
            if (minutes != null && text.equals("close-10m")) {
                if (!minutes.strip().matches("\\d{1,3}")) {
                    throw new ScheduleSyntaxException("strategy " + strategyId + ": " + MINUTES_BEFORE_CLOSE
                            + " '" + minutes + "' is not a whole number of minutes; write e.g. 10");
                }
                text = "close-" + Integer.parseInt(minutes.strip()) + "m";
            }
        }
        return ScheduleNotation.parse(strategyId, text);
    }

    /** The default jobs of every catalog strategy, for showing a plan without a configuration. */
    public static List<JobDefinition> allDefaults(StrategyCatalog catalog) {
        List<JobDefinition> jobs = new ArrayList<>();
        for (StrategyDescriptor d : catalog.all()) {
            defaultSchedule(d.id()).ifPresent(text -> jobs.addAll(ScheduleNotation.parse(d.id(), text)));
        }
        return List.copyOf(jobs);
    }
}
