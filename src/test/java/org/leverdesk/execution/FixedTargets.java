package org.leverdesk.execution;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Explanation;
import org.leverdesk.domain.Target;
import org.leverdesk.strategy.DecisionContext;
import org.leverdesk.strategy.ExecutionPolicy;
import org.leverdesk.strategy.Strategy;

/** A strategy that always wants the same targets; it can be made to block in decide (to test locking). */
final class FixedTargets implements Strategy {
    private final String id;
    private final Set<String> symbols;
    private final List<Target> targets;
    private final ExecutionPolicy policy;
    final CountDownLatch deciding = new CountDownLatch(1);
    private CountDownLatch block = new CountDownLatch(0);
    DecisionContext lastContext;
    int decisions;
    private boolean firstDayOnly;

    FixedTargets(String id, Set<String> symbols, ExecutionPolicy policy, Target... targets) {
        this.id = id;
        this.symbols = symbols;
        this.policy = policy;
        this.targets = List.of(targets);
    }

    /** Wants its targets on its first day only and holds after (like a monthly rebalance started mid-month). */
    FixedTargets firstDayOnly() {
        this.firstDayOnly = true;
        return this;
    }

    /** decide() waits until {@code latch} opens. */
    FixedTargets blockOn(CountDownLatch latch) {
        this.block = latch;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> symbols() {
        return symbols;
    }

    @Override
    public ExecutionPolicy execution() {
        return policy;
    }

    @Override
    public Decision decide(DecisionContext context) {
        lastContext = context;
        deciding.countDown();
        try {
            block.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        decisions++;
        if (firstDayOnly && !context.firstDay()) {
            return Decision.hold(context.today(), id, "not the first day: holding");
        }
        return new Decision(context.today(), id, true, targets, Explanation.of("fixed targets " + targets));
    }
}
