package org.leverdesk.insight;

/** The order a decision implies against the current holding: a signed share count (0 = no order). */
public record OrderPreview(String symbol, long shares) {
    /** "buy 12 TQQQ", "sell 5 TQQQ" or "no order". */
    public String text() {
        if (shares == 0) {
            return "no order";
        }
        return (shares > 0 ? "buy " : "sell ") + Math.abs(shares) + " " + symbol;
    }
}
