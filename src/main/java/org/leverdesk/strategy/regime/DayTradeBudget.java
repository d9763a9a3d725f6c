package org.leverdesk.strategy.regime;

import java.time.LocalDate;
import java.util.OptionalInt;

/** Input port for brokers that still limit day trades: how many remain on a day, when known. */
@FunctionalInterface
public interface DayTradeBudget {
    DayTradeBudget UNKNOWN = day -> OptionalInt.empty();

    OptionalInt remaining(LocalDate day);
}
