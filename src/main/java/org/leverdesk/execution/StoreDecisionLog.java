package org.leverdesk.execution;

import java.util.Map;
import org.leverdesk.common.JsonText;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.store.DecisionRepository;
import org.leverdesk.store.JournalRepository;

/** Paper and live trading's {@link DecisionLog}: decisions in the store, with a journal line each; events in the journal. */
final class StoreDecisionLog implements DecisionLog {
    private final DecisionRepository decisions;
    private final JournalRepository journal;
    private final TradingMode mode;

    StoreDecisionLog(DecisionRepository decisions, JournalRepository journal, TradingMode mode) {
        this.decisions = decisions;
        this.journal = journal;
        this.mode = mode;
    }

    @Override
    public Long decision(Decision decision, StrategyRun run) {
        long id = decisions.save(decision, mode, run.versionId());
        journal.append("decision", decision.strategyId(), decision.date() + ": " + decision.explanation().summary(),
                JsonText.of(Map.of("decisionId", String.valueOf(id), "rebalance", String.valueOf(decision.rebalance()))));
        return id;
    }

    @Override
    public void append(String kind, String strategyId, String message, String detailsJson) {
        journal.append(kind, strategyId, message, detailsJson);
    }
}
