package org.leverdesk.tax;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The dispositions realised in {@code year}: Form 8949 Part I (short term) and Part II (long term). */
public record TaxReport(int year, LotMethod method, List<Disposition> shortTerm, List<Disposition> longTerm) {
    public BigDecimal shortTermGain() {
        return sum(shortTerm, Disposition::gain);
    }

    public BigDecimal longTermGain() {
        return sum(longTerm, Disposition::gain);
    }

    /** The wash-sale adjustments (disallowed losses) of both parts. */
    public BigDecimal washAdjustments() {
        return sum(shortTerm, Disposition::adjustment).add(sum(longTerm, Disposition::adjustment));
    }

    static BigDecimal sum(List<Disposition> lines, Function<Disposition, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
