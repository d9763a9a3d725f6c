package org.leverdesk.ui.chart;

import java.util.function.DoubleFunction;
import javafx.util.StringConverter;
import org.leverdesk.ui.common.Formats;

/** How prices read on chart axes, legends and the crosshair: dollars and cents, as every price on screen ({@link Formats#price}). */
public final class ChartFormats {
    private ChartFormats() {
    }

    /** 51.0625 → "$51.06", 1234.5 → "$1,234.50"; the missing mark when not finite. */
    public static String price(double v) {
        return Formats.price(v);
    }

    /** Tick labels written by {@code format}; an axis only shows them, so they are never read back. */
    public static StringConverter<Number> tickLabels(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are display only");
            }
        };
    }
}
