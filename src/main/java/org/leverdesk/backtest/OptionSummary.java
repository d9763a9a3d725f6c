package org.leverdesk.backtest;

import java.util.List;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;

/**
 * What a run's option trades came to, read from its fills: option fills carry OCC symbols and prices per
 * share (× the multiplier per contract); settlement fills carry what happened in their reason ("assigned",
 * "expired worthless", "exercised"; see {@code SimOptionEvent#describe}).
 *
 * @param optionsSold      contracts sold (to open or to close)
 * @param premiumCollected dollars received for options sold: Σ contracts × bid × 100
 * @param premiumPaid      dollars paid for options bought back (settlement at 0 costs nothing)
 * @param putAssignments   short puts assigned (shares bought at the strike)
 * @param callAssignments  short calls assigned (shares called away at the strike)
 * @param expiredWorthless option positions that expired out of the money
 * @param optionPnl        premium collected − premium paid (the option legs' P&L, settlement legs at 0)
 */
public record OptionSummary(long optionsSold, double premiumCollected, double premiumPaid, int putAssignments,
                            int callAssignments, int expiredWorthless, double optionPnl) {

    /** The summary of {@code fills}; all zero when none is an option. */
    public static OptionSummary of(List<Fill> fills) {
        long sold = 0;
        double collected = 0;
        double paid = 0;
        int puts = 0;
        int calls = 0;
        int expired = 0;
        for (Fill f : fills) {
            OptionContract c = OptionSymbols.contract(f.symbol()).orElse(null);
            if (c == null) {
                continue;
            }
            double money = f.quantity() * f.price() * c.multiplier();
            if (f.side() == Side.SELL) {
                sold += f.quantity();
                collected += money;
            } else {
                paid += money;
            }
            String why = f.reason() == null ? "" : f.reason();
            if (why.contains("assigned")) {
                if (c.isPut()) {
                    puts++;
                } else {
                    calls++;
                }
            } else if (why.contains("expired worthless")) {
                expired++;
            }
        }
        return new OptionSummary(sold, collected, paid, puts, calls, expired, collected - paid);
    }

    /** True when the run traded options. */
    public boolean any() {
        return optionsSold > 0 || premiumPaid > 0;
    }
}
