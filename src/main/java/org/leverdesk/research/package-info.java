/**
 * The research lab: parameter sweeps, walk-forward analysis, overfitting statistics, Monte Carlo
 * resampling and similar-session advice. Every number here comes from the one backtest engine through
 * {@link org.leverdesk.research.BacktestFunction}; nothing in this package decides or fills orders.
 * Formulas are in the README ("Research").
 */
package org.leverdesk.research;
