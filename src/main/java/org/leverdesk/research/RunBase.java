package org.leverdesk.research;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.leverdesk.backtest.BacktestRequest;
import org.leverdesk.backtest.CostModel;

/**
 * What stays fixed across the runs of a sweep, walk-forward or advice: the strategy, the traded
 * symbol (null: the strategy's), capital, costs, benchmark (null: the traded symbol) and the
 * parameters that are not varied (missing ones take the strategy's defaults).
 */
public record RunBase(String strategyId, String symbol, double capital, CostModel costs, String benchmark,
                      Map<String, String> fixedParameters) {
    public RunBase {
        if (strategyId == null || strategyId.isBlank()) {
            throw new IllegalArgumentException("research needs a strategy id, e.g. rsi2");
        }
        if (!(capital > 0) || !Double.isFinite(capital)) {
            throw new IllegalArgumentException("capital must be a positive number (got " + capital + ")");
        }
        costs = costs == null ? CostModel.FREE : costs;
        fixedParameters = fixedParameters == null ? Map.of() : Map.copyOf(fixedParameters);
    }

    /** The fixed parameters overridden by {@code varied}. */
    public Map<String, String> parameters(Map<String, String> varied) {
        Map<String, String> all = new HashMap<>(fixedParameters);
        all.putAll(varied);
        return all;
    }

    /** The engine's request for one run with {@code varied} parameters over [from, to]. */
    public BacktestRequest request(Map<String, String> varied, LocalDate from, LocalDate to) {
        return new BacktestRequest(strategyId, symbol, from, to, capital, costs, benchmark, parameters(varied));
    }
}
