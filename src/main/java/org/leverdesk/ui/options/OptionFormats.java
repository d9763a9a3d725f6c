package org.leverdesk.ui.options;

import java.util.Locale;
import org.leverdesk.ui.common.Formats;

/** How the Options view writes option numbers: prices with 2 decimals, IV as a percent, Greeks with 3 decimals. */
final class OptionFormats {
    private OptionFormats() {
    }

    /** An option price per share, in dollars and cents like every price on screen: 3.2 → "$3.20". */
    static String price(double v) {
        return Formats.price(v);
    }

    /** Implied volatility 0.2493 → "24.93%" (as Formats.percent writes every percent). */
    static String iv(double v) {
        return Formats.percent(v);
    }

    /** A per-share Greek: −0.2513 → "-0.251". */
    static String greek(double v) {
        return Double.isFinite(v) ? String.format(Locale.US, "%.3f", v) : Formats.MISSING;
    }

    /** Shares of delta: 25.13 → "+25.1". */
    static String shares(double v) {
        return Double.isFinite(v) ? String.format(Locale.US, "%+,.1f", v) : Formats.MISSING;
    }

    /** A signed contract count: −2 → "-2"; 0 → "". */
    static String contracts(double v) {
        if (v == 0) {
            return "";
        }
        return v == Math.rint(v) ? String.format(Locale.US, "%+d", (long) v) : String.format(Locale.US, "%+.2f", v);
    }

    /** Money or "unlimited" for an unbounded maximum. */
    static String moneyOrUnlimited(double v) {
        return Double.isInfinite(v) ? "unlimited" : Formats.money(v);
    }
}
