package org.leverdesk.market.data;

import java.time.LocalDate;
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

    /** A date before any price a source holds: "from the start of its history". */
    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
}
