package org.leverdesk.execution;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.leverdesk.broker.Fees;
import org.leverdesk.broker.Quote;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.ExecutionPolicy;

/**
 * What the planner works from.
 *
 * @param held          signed shares held now by symbol (from the broker)
 * @param buyingPower   dollars buys may use (the account's buying power, capped by the strategy's cash share)
 * @param quotes        quotes the quote guard accepted, by symbol; a target without one is not traded
 * @param marketOpen    whether the market is open now (OPG orders when it is closed)
 * @param fees          the broker's commission, counted against the buying power with the buys
 */
public record PlanInput(String strategyId, int version, LocalDate tradingDay, List<Target> targets, Map<String, Long> held,
                        double buyingPower, Map<String, Quote> quotes, boolean marketOpen, ExecutionPolicy policy,
                        Fees fees) {
    public PlanInput {
        targets = List.copyOf(targets);
        held = Map.copyOf(held);
        quotes = Map.copyOf(quotes);
        fees = fees == null ? Fees.NONE : fees;
    }

    /** Without commission. */
    public PlanInput(String strategyId, int version, LocalDate tradingDay, List<Target> targets, Map<String, Long> held,
                     double buyingPower, Map<String, Quote> quotes, boolean marketOpen, ExecutionPolicy policy) {
        this(strategyId, version, tradingDay, targets, held, buyingPower, quotes, marketOpen, policy, Fees.NONE);
    }
}
