package org.leverdesk.optionbook;

import java.time.LocalDate;
import java.util.List;

/**
 * Spreads and condors as one position: the legs of one underlying and expiry that form a vertical spread or
 * an iron condor, with what they can make and lose at expiry and where the strategy's exits are.
 *
 * @param kind        "bull put spread", "bear call spread", "bull call spread", "bear put spread", "iron condor"
 *                    or "iron butterfly"
 * @param units       spreads (or condors) held: the legs' common quantity in contracts
 * @param credit      net credit per share received when opened (negative: a debit paid)
 * @param closeCost   what closing costs now per share at the marks (positive: a debit to pay)
 * @param profit      unrealised profit in dollars at the marks
 * @param payoff      the legs' payoff, for the diagram and the summary
 * @param summary     maximum profit, maximum loss (positive) and break-evens at expiry
 * @param exits       the strategy's exit levels; null for a debit spread (the credit strategies' exits do not apply)
 */
public record OptionGroup(String kind, String underlying, LocalDate expiry, int units, List<HeldOption> legs, double credit,
                          double closeCost, double profit, Payoff payoff, Payoff.Summary summary, ExitLevels exits) {
    public OptionGroup {
        legs = List.copyOf(legs);
    }

    /**
     * The credit strategies' exits for this position (seed 003; {@code SpreadStrategy}), as closing prices per share.
     *
     * @param profitTakeDebit close when closing costs this or less: credit × (1 − profitTakePct)
     * @param stopDebit       close when closing costs this or more: credit + stopLossPct × (maximum loss per share)
     * @param shortStrikes    close when the underlying closes beyond one of these (below a short put, above a short call);
     *                        empty when the short-strike stop is off
     * @param closeBy         close on or after this day at the latest (expiry − closeDte calendar days)
     */
    public record ExitLevels(double profitTakeDebit, double stopDebit, List<Double> shortStrikes, LocalDate closeBy) {
        public ExitLevels {
            shortStrikes = List.copyOf(shortStrikes);
        }
    }

    /** "QQQ 17 Jan 25 bull put spread 480/475 ×2". */
    public String title() {
        StringBuilder strikes = new StringBuilder();
        for (HeldOption h : legs) {
            strikes.append(strikes.isEmpty() ? "" : "/").append(h.contract().strike().stripTrailingZeros().toPlainString());
        }
        return underlying + " " + HeldOption.date(expiry) + " " + kind + " " + strikes + " ×" + units;
    }
}
