package org.leverdesk.strategy.regime;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the gate checklist looks at for one decision. {@code decisionTime}/{@code sessionClose}
 * are null when the day has no session; {@code buyValue} is the dollar value of the buy the target
 * implies (0 when it implies none) and {@code tradeValue} the absolute value of the implied order.
 */
public record GateInputs(LocalDate today, LocalTime decisionTime, LocalTime sessionClose,
                         LocalDate signalLastDate, LocalDate tradedLastDate, int signalBars, int barsNeeded,
                         Regime raw, Regime confirmed, double close, double slowSma, RegimeSignals signals,
                         Optional<OptionsFlowSource.Flow> flow, String tradingState,
                         double strategyCapital, double heldValue, double buyValue, double cash, double tradeValue,
                         OptionalInt dayTradesRemaining) {
}
