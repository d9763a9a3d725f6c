package org.leverdesk.market.data;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.domain.BarSeries;

/** Where daily bars come from: CSV folder, H2 cache, the demo market, later a broker feed. */
public interface MarketData {
    /** A short label shown in the status bar, e.g. "DEMO — simulated prices" or "CSV /path". */
    String sourceLabel();

    /** True for simulated prices (the demo market). */
    boolean isSimulated();

    Set<String> symbols();

    /**
     * Bars of {@code symbol} from {@code from} to {@code to} inclusive.
     *
     * @throws MarketDataException when the symbol is unknown or the source cannot be read
     */
    BarSeries bars(String symbol, LocalDate from, LocalDate to);

    /** Every bar of {@code symbol} up to {@code to}, so indicators can warm up before a range starts. */
    default BarSeries barsUpTo(String symbol, LocalDate to) {
        return bars(symbol, EARLIEST, to);
    }

    /**
     * The status of {@code symbol}'s last bar on or before {@code onOrBefore}: its date and whether it is
     * provisional (today's session so far). Empty when the source has no bar of the symbol by then.
     * Sources that hold only final bars (CSV files, the demo market) need not override this.
     */
    default Optional<BarStatus> lastBar(String symbol, LocalDate onOrBefore) {
        BarSeries recent;
        try {
            recent = bars(symbol, onOrBefore.minusDays(RECENT_DAYS), onOrBefore);
        } catch (MarketDataException e) {
            // No bars in the last weeks (or none at all): look at the whole history once.
            try {
                recent = barsUpTo(symbol, onOrBefore);
            } catch (MarketDataException none) {
                return Optional.empty();
            }
        }
        return recent.isEmpty() ? Optional.empty() : Optional.of(BarStatus.finalBar(symbol, recent.lastDate()));
    }

    /** True when {@code symbol}'s bar of {@code date} is provisional; sources of final bars only say false. */
    default boolean isProvisional(String symbol, LocalDate date) {
        return false;
    }

    /** How far back {@link #lastBar} looks first; longer than any exchange closure. */
    int RECENT_DAYS = 14;

    /** A date before any price a source holds: "from the start of its history". */
    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
}
