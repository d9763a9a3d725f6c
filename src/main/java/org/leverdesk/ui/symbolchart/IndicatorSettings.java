package org.leverdesk.ui.symbolchart;

import java.util.List;
import org.leverdesk.strategy.catalog.Choice;
import org.leverdesk.strategy.catalog.NumberRange;
import org.leverdesk.strategy.catalog.Params;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/** The Chart view's indicators and their parameters, declared with the same parameter model as the strategies' (one form builder draws them). */
final class IndicatorSettings {
    static final String PANE_NONE = "none";
    static final String PANE_RSI = "rsi";
    static final String PANE_ATR = "atr";

    private IndicatorSettings() {
    }

    static List<ParameterSpec> specs() {
        return List.of(
                Params.onOff("smaFast", "SMA", true, "Simple moving average of the closes"),
                Params.whole("smaFastPeriod", "SMA period", 50, "bars", 2, 1000, "Bars in the first SMA"),
                Params.onOff("smaSlow", "Second SMA", true, "A second, slower simple moving average"),
                Params.whole("smaSlowPeriod", "Second SMA period", 200, "bars", 2, 1000, "Bars in the second SMA"),
                Params.onOff("ema", "EMA", false, "Exponential moving average of the closes"),
                Params.whole("emaPeriod", "EMA period", 20, "bars", 2, 1000, "Bars of the EMA's smoothing"),
                Params.onOff("bollinger", "Bollinger bands", false, "SMA ± k population standard deviations"),
                Params.whole("bollingerPeriod", "Bollinger window", 20, "bars", 2, 500, "Bars of the bands' SMA and deviation"),
                Params.number("bollingerWidth", "Bollinger width", 2, "σ", NumberRange.of(0.5, 5, 0.1), "Standard deviations from the SMA"),
                Params.choice("pane", "Lower pane", PANE_RSI, "The indicator drawn under the volume",
                        new Choice(PANE_NONE, "None"), new Choice(PANE_RSI, "RSI"), new Choice(PANE_ATR, "ATR")),
                Params.whole("rsiPeriod", "RSI period", 14, "bars", 2, 100, "Wilder RSI look-back"),
                Params.whole("atrPeriod", "ATR period", 14, "bars", 2, 100, "Wilder average true range look-back"));
    }
}
