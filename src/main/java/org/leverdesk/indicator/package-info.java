/**
 * Indicator values of a bar series, computed once per series as primitive arrays (ta4j underneath where
 * it has the indicator): the one place strategies get RSI, moving averages, Bollinger bands and VWAP
 * from. Each is a {@link org.leverdesk.domain.SeriesIndicator}: causal, read through
 * {@link org.leverdesk.domain.History} so no future bar can be seen.
 */
package org.leverdesk.indicator;
