package org.leverdesk.ui.research;

import org.leverdesk.research.Metric;

/**
 * The walk-forward table's figure headings in a trader's words, each with what it means (the heading's
 * tooltip) — in place of the papers' abbreviations IS/OOS CAGR, WFE, DSR and PBO.
 */
enum WalkForwardHeadings {
    IN_SAMPLE_CAGR(Metric.CAGR.label() + " fitted",
            "In-sample CAGR: the compound annual growth of the chosen parameters over the part of the history they were"
                    + " picked on (the best of every set tried, so flattering by construction)"),
    OUT_OF_SAMPLE_CAGR(Metric.CAGR.label() + " unseen",
            "Out-of-sample CAGR: the compound annual growth of the same parameters over the next, unseen part of the history"
                    + " — what trading them would have earned"),
    EFFICIENCY("Efficiency",
            "Walk-forward efficiency: CAGR unseen / CAGR fitted. Near 1 the edge held up on unseen prices; near 0 or"
                    + " negative it was fitted to noise; – when the fitted CAGR was not positive"),
    DEFLATED_SHARPE("Deflated Sharpe",
            "Deflated Sharpe ratio (0 to 1): the chance that the best set's " + Metric.SHARPE.label() + " is real and not luck,"
                    + " allowing for how many sets were tried; above 0.95 is convincing"),
    OVERFIT_CHANCE("Overfit risk",
            "Probability of backtest overfitting (0 to 1, CSCV): how often the best set in one half of the history ranked"
                    + " below the median in the other half; lower is better, above 0.5 is a warning; – with too few runs");

    private final String label;
    private final String explanation;

    WalkForwardHeadings(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** The column's heading. */
    String label() {
        return label;
    }

    /** What the figure means, for the heading's tooltip. */
    String explanation() {
        return explanation;
    }
}
