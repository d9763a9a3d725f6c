package org.leverdesk.ui.watchlist;

import org.leverdesk.ui.common.Formats;

/** One watchlist line as shown: the symbol, its quote (null while loading or when it failed) and a one-line note. */
public record WatchRow(String symbol, WatchQuote quote, String note) {
    /** "$54.87", or the missing mark. */
    public String lastText() {
        return quote == null ? Formats.MISSING : Formats.money(quote.last());
    }

    /** "+0.55 (+1.01%)", or the missing mark when there is no previous close. */
    public String changeText() {
        if (quote == null || !Double.isFinite(quote.changeFraction())) {
            return Formats.MISSING;
        }
        double c = quote.change();
        return (c >= 0 ? "+" : "-") + Formats.money(Math.abs(c)).substring(1) + " (" + (c >= 0 ? "+" : "") + Formats.percent(quote.changeFraction()) + ")";
    }

    /** "+1.01%", or the missing mark. */
    public String changePercentText() {
        if (quote == null || !Double.isFinite(quote.changeFraction())) {
            return Formats.MISSING;
        }
        String text = Formats.percent(quote.changeFraction());
        // a change that rounds to zero has no sign ("-0.00%" reads like a loss)
        return text.equals("0.00%") || text.equals("-0.00%") ? "0.00%" : (quote.changeFraction() > 0 ? "+" : "") + text;
    }

    /** 1 up, -1 down, 0 flat or unknown. */
    public int direction() {
        return quote == null || !Double.isFinite(quote.change()) ? 0 : (int) Math.signum(quote.change());
    }
}
