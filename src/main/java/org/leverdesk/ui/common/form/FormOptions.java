package org.leverdesk.ui.common.form;

import java.util.List;
import java.util.function.Supplier;

/**
 * How a form is drawn: help beside each field ({@code inlineHelp}) or only as a tooltip (narrow
 * panels), sliders beside percents, the symbols ticker pickers suggest, and the prefix of each
 * control's node id ({@code prefix + key}).
 */
public record FormOptions(boolean inlineHelp, boolean sliders, Supplier<List<String>> knownTickers, String idPrefix) {
    public FormOptions {
        knownTickers = knownTickers == null ? List::of : knownTickers;
        idPrefix = idPrefix == null ? "" : idPrefix;
    }

    /** A narrow form: help in tooltips, no sliders. */
    public static FormOptions compact(Supplier<List<String>> tickers, String idPrefix) {
        return new FormOptions(false, false, tickers, idPrefix);
    }

    /** A wide form: help beside each field and sliders beside percents. */
    public static FormOptions wide(Supplier<List<String>> tickers, String idPrefix) {
        return new FormOptions(true, true, tickers, idPrefix);
    }
}
