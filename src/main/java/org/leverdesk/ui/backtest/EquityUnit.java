package org.leverdesk.ui.backtest;

import java.util.function.DoubleFunction;
import org.leverdesk.ui.common.Formats;

/**
 * How the equity pane shows the strategy beside its benchmark: in dollars, as the growth of $1
 * invested on the first day, or as the percent return since then. Growth and percent put both
 * curves on one scale even when they did not start from the same amount.
 */
public enum EquityUnit {
    DOLLARS("$", "Equity in dollars"),
    GROWTH("×$1", "Growth of $1 invested on the first day"),
    PERCENT("%", "Return since the first day, in percent");

    private final String shortName;
    private final String description;

    EquityUnit(String shortName, String description) {
        this.shortName = shortName;
        this.description = description;
    }

    /** "$", "×$1" or "%", for a compact switch. */
    public String shortName() {
        return shortName;
    }

    public String description() {
        return description;
    }

    /**
     * The plotted value of equity {@code e} that started at {@code first}. Percent is plotted as the
     * growth factor (so a log axis still works below zero return) and only labelled as percent.
     */
    double plotted(double e, double first) {
        return this == DOLLARS ? e : e / first;
    }

    /** How plotted values read on the axis and in the legend. */
    public DoubleFunction<String> format() {
        return switch (this) {
            case DOLLARS -> Formats::wholeMoney;
            case GROWTH -> v -> "$" + Formats.ratio(v);
            case PERCENT -> v -> Formats.percentPoints((v - 1) * 100);
        };
    }
}
