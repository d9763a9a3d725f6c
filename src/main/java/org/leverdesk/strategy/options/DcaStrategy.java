package org.leverdesk.strategy.options;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.History;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Fmt;
import org.leverdesk.strategy.Strategy;

/**
 * Seed 003's weekly DCA: on the first trading day of each ISO week it invests min(weeklyAmount, cash − buffer)
 * (buffer = cashBufferPct × equity), split by weight, in whole shares at the close (market orders before the
 * close); with investAllOnStart the first day invests all cash above the buffer, and with sweep every day
 * invests whatever cash is above the buffer. A symbol is never bought above maxAllocPct of the equity.
 * It only buys; selling is left to the person (a DCA plan accumulates).
 */
public final class DcaStrategy implements Strategy {
    public static final String ID = "dca";
    private final DcaConfig config;
    private final ExecutionPolicy execution = ExecutionPolicy.atClose(ExecutionPolicy.LiveOrderStyle.MARKET, 0);

    public DcaStrategy(DcaConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> symbols() {
        return new java.util.TreeSet<>(config.weights().keySet());
    }

    @Override
    public ExecutionPolicy execution() {
        return execution;
    }

    @Override
    public Decision decide(DecisionContext ctx) {
        LocalDate today = ctx.today();
        PortfolioView pf = ctx.portfolio();
        double free = pf.cash() - config.cashBufferPct() * pf.equity();
        boolean newWeek = ctx.firstDay() || weekOf(ctx.calendar().previousTradingDay(today)) != weekOf(today);
        double amount;
        String why;
        if (ctx.firstDay() && config.investAllOnStart()) {
            amount = free;
            why = "invest all on start";
        } else if (config.sweep()) {
            amount = free;
            why = "sweep of the cash above the buffer";
        } else if (newWeek) {
            amount = Math.min(config.weeklyAmount(), free);
            why = "weekly DCA";
        } else {
            return ctx.explain() ? Decision.hold(today, ID, "not the first trading day of the week") : Decision.quietHold(today, ID);
        }
        if (amount <= 0) {
            return Decision.hold(today, ID, String.format(Locale.ROOT, "%s: no cash above the %.0f%% buffer", why,
                    config.cashBufferPct() * 100));
        }
        List<Target> targets = new ArrayList<>();
        Map<String, Double> signals = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> w : config.weights().entrySet()) {
            String symbol = w.getKey();
            History h = ctx.market().history(symbol);
            if (h.isEmpty() || !h.lastDate().equals(today)) {
                parts.add(symbol + ": no price today, skipped");
                continue;
            }
            double price = h.lastClose();
            long held = pf.quantity(symbol);
            long add = (long) Math.floor(amount * w.getValue() / price);
            long cap = (long) Math.floor(config.maxAllocPct() * pf.equity() / price);
            long target = Math.min(held + add, Math.max(held, cap));
            signals.put(symbol + ".price", price);
            signals.put(symbol + ".target", (double) target);
            parts.add(String.format(Locale.ROOT, "%s +%d at %s", symbol, target - held, Fmt.money(price)));
            if (target > held) {
                targets.add(new Target(symbol, target));
            }
        }
        String summary = String.format(Locale.ROOT, "%s of %s: %s", why, Fmt.money(amount), String.join(", ", parts));
        if (targets.isEmpty()) {
            return new Decision(today, ID, false, List.of(), new Explanation(summary + " (nothing to buy)", signals, List.of(), null));
        }
        return new Decision(today, ID, true, targets, new Explanation(summary, signals, List.of(), null));
    }

    private static long weekOf(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
