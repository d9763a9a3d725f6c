package org.leverdesk.backtest;

import java.time.LocalDate;
import java.util.List;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;

/**
 * Turns order requests into fills against an account: whole shares, slippage against the trader,
 * commission per order and per share, and (without margin) buys cut to what cash can pay.
 */
public final class FillSimulator {
    private final CostModel costs;
    private final boolean allowMargin;

    public FillSimulator(CostModel costs, boolean allowMargin) {
        this.costs = costs;
        this.allowMargin = allowMargin;
    }

    /**
     * Fills {@code signedQty} shares of the account's symbol {@code index} at {@code price} (before
     * slippage) and appends the fill to {@code out}. Returns the filled signed quantity (0 when the
     * account cannot afford a single share).
     */
    public long fill(SimAccount account, int index, long signedQty, double price, LocalDate date, String reason, List<Fill> out) {
        if (signedQty == 0) {
            return 0;
        }
        boolean buy = signedQty > 0;
        double px = costs.slipped(price, buy);
        long qty = Math.abs(signedQty);
        if (buy && !allowMargin) {
            double cash = account.cash();
            double perShare = px + costs.commissionPerShare();
            long affordable = (long) Math.floor((cash - costs.commissionPerOrder()) / perShare);
            if (affordable < qty) {
                qty = Math.max(0, affordable);
            }
            if (qty == 0) {
                return 0;
            }
        }
        double commission = costs.commission(qty);
        long signed = buy ? qty : -qty;
        account.apply(index, signed, px, commission);
        out.add(new Fill(date, account.symbol(index), buy ? Side.BUY : Side.SELL, qty, px, commission, reason));
        return signed;
    }
}
