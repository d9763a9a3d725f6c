package org.leverdesk.execution;

import java.util.Map;
import org.leverdesk.common.JsonText;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.store.DecisionUnits;
import org.leverdesk.store.JournalRepository;

/** Paper and live trading's {@link DecisionLog}: decisions in the store, with a journal line each; events in the journal. */
final class StoreDecisionLog implements DecisionLog {
    private final DecisionUnits units;
    private final JournalRepository journal;
    private final TradingMode mode;
    private final org.leverdesk.store.OrderRepository orders;

    StoreDecisionLog(DecisionUnits units, JournalRepository journal, TradingMode mode, org.leverdesk.store.OrderRepository orders) {
        this.orders = orders;
        this.units = units;
        this.journal = journal;
        this.mode = mode;
    }

    @Override
    public Long decision(Decision decision, StrategyRun run) {
        // A decision that wants orders is OPEN until they are all sent: one unit of work with them.
        long id = units.save(decision, mode, run.versionId(), decision.rebalance() && !decision.targets().isEmpty());
        journal.append("decision", decision.strategyId(), decision.date() + ": " + decision.explanation().summary(),
                JsonText.of(Map.of("decisionId", String.valueOf(id), "rebalance", String.valueOf(decision.rebalance()))));
        return id;
    }

    @Override
    public int ordersOn(java.time.LocalDate day) {
        return orders.countForDay(day);
    }

    @Override
    public java.util.Optional<OpenDecision> openDecision(String strategyId) {
        return units.open(strategyId).map(d -> new OpenDecision(d.id(), d.decision()));
    }

    @Override
    public void decisionDone(long id, String note) {
        units.close(id, DecisionUnits.State.DONE, note);
    }

    @Override
    public void decisionSuperseded(long id, String note) {
        units.close(id, DecisionUnits.State.SUPERSEDED, note);
        journal.append("decision-superseded", null, "decision #" + id + ": " + note, null);
    }

    @Override
    public void append(String kind, String strategyId, String message, String detailsJson) {
        journal.append(kind, strategyId, message, detailsJson);
    }
}
