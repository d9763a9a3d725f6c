package org.leverdesk.strategy.regime;

/** The outside inputs a regime strategy reads besides prices; {@link #none()} is what backtests use. */
public record RegimeInputs(OptionsFlowSource optionsFlow, TradingStateSource tradingState, DayTradeBudget dayTrades) {
    public RegimeInputs {
        optionsFlow = optionsFlow == null ? OptionsFlowSource.NONE : optionsFlow;
        tradingState = tradingState == null ? TradingStateSource.ALWAYS_ACTIVE : tradingState;
        dayTrades = dayTrades == null ? DayTradeBudget.UNKNOWN : dayTrades;
    }

    public static RegimeInputs none() {
        return new RegimeInputs(OptionsFlowSource.NONE, TradingStateSource.ALWAYS_ACTIVE, DayTradeBudget.UNKNOWN);
    }
}
