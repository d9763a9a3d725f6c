package org.leverdesk.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of Form 8949: {@code description} (e.g. "40 sh TQQQ"), dates acquired and sold, proceeds, cost
 * basis, the adjustment code ("W" for a wash sale) and amount, and the gain or loss = proceeds − basis +
 * adjustment. {@code realized} is the day the gain counts (the closing day; for a written option the day
 * it was bought back, expired or assigned, while column (c) "sold" is the day it was written).
 * {@code expired}: an option that expired; Form 8949 then shows "EXPIRED" as proceeds (held) or as cost
 * basis (written).
 */
public record Disposition(String symbol, String description, LocalDate acquired, LocalDate sold, LocalDate realized,
                          BigDecimal proceeds, BigDecimal basis, String code, BigDecimal adjustment, boolean longTerm,
                          boolean written, boolean expired, String note) {
    public BigDecimal gain() {
        return proceeds.subtract(basis).add(adjustment);
    }

    /** The same line with a wash-sale adjustment added (the disallowed part of its loss, a positive amount). */
    Disposition withWash(BigDecimal disallowed, String why) {
        return new Disposition(symbol, description, acquired, sold, realized, proceeds, basis, "W", adjustment.add(disallowed),
                longTerm, written, expired, note.isEmpty() ? why : note + "; " + why);
    }
}
