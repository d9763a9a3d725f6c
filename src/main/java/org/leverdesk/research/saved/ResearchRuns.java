package org.leverdesk.research.saved;

import java.util.List;
import org.leverdesk.research.sweep.SweepResult;
import org.leverdesk.research.walkforward.WalkForwardResult;

/**
 * Sweeps and walk-forwards kept in the store (a port; {@code store.ResearchRunRepository} implements it):
 * the request, the data source, the base strategy version, every run's parameters and metrics, and
 * the headline results. Daily equity is not kept (re-run a parameter set to see it).
 */
public interface ResearchRuns {
    /** Saves a sweep; {@code baseVersionId} is the strategy version its fixed parameters came from (or null). */
    long save(SweepResult result, Long baseVersionId);

    /** Saves a walk-forward (every window's in-sample runs and out-of-sample run). */
    long save(WalkForwardResult result, Long baseVersionId);

    /** Everything saved, newest first. */
    List<SavedResearch> list();

    /** The runs of saved job {@code id}, in the order they were saved (empty when there is no such job). */
    List<SavedTrial> trials(long id);
}
