package org.leverdesk.ui.common.form;

import java.util.List;
import java.util.function.Supplier;

/**
 * How a form is drawn: help beside each field ({@code inlineHelp}) or only as a tooltip (narrow
 * panels), sliders beside percents ({@code sliders}), a slider under every number with a range a
 * slider can span ({@code numberSliders}: the Backtest form's live sliders), the symbols ticker
 * pickers suggest, and the prefix of each control's node id ({@code prefix + key}).
 */
public record FormOptions(boolean inlineHelp, boolean sliders, Supplier<List<String>> knownTickers, String idPrefix,
                          boolean numberSliders) {
    /** At most this many steps between a range's ends for a number slider (a money amount up to $1e9 gets none). */
    static final double MAX_SLIDER_STEPS = 5_000;

    public FormOptions {
        knownTickers = knownTickers == null ? List::of : knownTickers;
        idPrefix = idPrefix == null ? "" : idPrefix;
    }

    /** Options without number sliders. */
    public FormOptions(boolean inlineHelp, boolean sliders, Supplier<List<String>> knownTickers, String idPrefix) {
        this(inlineHelp, sliders, knownTickers, idPrefix, false);
    }

    /** A narrow form: help in tooltips, no sliders. */
    public static FormOptions compact(Supplier<List<String>> tickers, String idPrefix) {
        return new FormOptions(false, false, tickers, idPrefix);
    }

    /** A wide form: help beside each field and sliders beside percents. */
    public static FormOptions wide(Supplier<List<String>> tickers, String idPrefix) {
        return new FormOptions(true, true, tickers, idPrefix);
    }

    /** A narrow form with a slider under each bounded number (id {@code prefix + key + "-slider"}). */
    public static FormOptions compactWithSliders(Supplier<List<String>> tickers, String idPrefix) {
        return new FormOptions(false, false, tickers, idPrefix, true);
    }
}
