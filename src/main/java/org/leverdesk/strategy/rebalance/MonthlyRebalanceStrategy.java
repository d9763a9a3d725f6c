package org.leverdesk.strategy.rebalance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.History;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Fmt;
import org.leverdesk.strategy.Strategy;

/**
 * Seed 002: keep a fixed dollar allocation in one symbol. On the first day of a run it buys the
 * target; on the last trading day of every month it trades to floor(allocation / price) shares.
 * Other days it holds. Live orders are limits through the mid; backtests fill at the close.
 */
public final class MonthlyRebalanceStrategy implements Strategy {
    public static final String ID = "monthly-rebalance";
    private final MonthlyRebalanceConfig config;
    private final ExecutionPolicy execution;

    public MonthlyRebalanceStrategy(MonthlyRebalanceConfig config) {
        this.config = config;
        this.execution = MonthlyRebalanceConfig.MOC.equals(config.orderStyle())
                ? ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET_ON_CLOSE, 0)
                : ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.LIMIT_FROM_MID, config.limitOffsetBps());
    }

    public MonthlyRebalanceConfig config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> symbols() {
        return Set.of(config.symbol());
    }

    @Override
    public ExecutionPolicy execution() {
        return execution;
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        boolean monthEnd = ctx.calendar().isLastTradingDayOfMonth(today);
        if (!ctx.firstDay() && !monthEnd) {
            return Decision.hold(today, ID, "not the last trading day of the month");
        }
        History h = ctx.market().history(config.symbol());
        if (h.isEmpty() || !h.lastDate().equals(today)) {
            return Decision.hold(today, ID, "no " + config.symbol() + " price for " + today + "; not rebalancing on stale data");
        }
        double price = h.lastClose();
        long shares = (long) Math.floor(config.allocation() / price);
        long held = ctx.portfolio().quantity(config.symbol());
        Map<String, Double> signals = new LinkedHashMap<>();
        signals.put("price", price);
        signals.put("targetShares", (double) shares);
        signals.put("heldShares", (double) held);
        String why = (ctx.firstDay() ? "initial buy" : "month-end rebalance")
                + ": floor(" + Fmt.money(config.allocation()) + " / " + Fmt.money(price) + ") = " + shares + " " + config.symbol()
                + " (held " + held + ")";
        return new Decision(today, ID, true, List.of(new Target(config.symbol(), shares)),
                new Explanation(why, signals, List.of(), null));
    }
}
