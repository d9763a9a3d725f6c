package org.leverdesk.execution;

import java.util.Locale;
import java.util.Optional;
import org.leverdesk.config.RiskLimits;
import org.leverdesk.domain.Side;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;

/**
 * The risk engine's account limits ({@link RiskLimits}) applied to one order and to the day's loss. Pure:
 * the decision cycle gathers the facts (a price, the last close, the orders already sent today) and acts on
 * the answer (denies the order, or moves the trading state). An order that only shrinks a position passes
 * the value and count limits (a limit must never keep a position open); the price band applies to every
 * order, since a fat-fingered or broken price is as harmful on a sale.
 */
final class RiskLimitCheck {
    private RiskLimitCheck() {
    }

    /**
     * One order's facts.
     *
     * @param price       the order's price: its limit, else the quote's mid (null when unknown)
     * @param lastClose   the symbol's last close before the decision (null when unknown)
     * @param ordersToday orders the account already recorded for this trading day (0 when that limit is off:
     *                    nobody reads it then)
     */
    record OrderFacts(String symbol, Side side, long quantity, long held, Double price, Double lastClose, int ordersToday) {
    }

    /** A trading state the day's loss calls for, with its reason. */
    record LossState(TradingState state, String reason) {
    }

    /** The reason {@code f} is denied, or empty when every limit lets it pass. */
    static Optional<String> denial(RiskLimits limits, OrderFacts f) {
        String what = f.side().name().toLowerCase(Locale.ROOT) + " " + f.quantity() + " " + f.symbol();
        if (limits.priceBandPercent() > 0 && f.price() != null && f.lastClose() != null && f.lastClose() > 0) {
            double away = Math.abs(f.price() / f.lastClose() - 1) * 100;
            if (away > limits.priceBandPercent()) {
                return Optional.of(String.format(Locale.ROOT, "%s at $%,.2f is %.1f%% from the last close $%,.2f, outside the"
                        + " %s%% price band (risk.limits.priceBandPercent)", what, f.price(), away, f.lastClose(),
                        plain(limits.priceBandPercent())));
            }
        }
        if (RiskGate.reduces(f.side(), f.quantity(), f.held())) {
            return Optional.empty();
        }
        if (limits.maxOrdersPerDay() > 0 && f.ordersToday() >= limits.maxOrdersPerDay()) {
            return Optional.of(what + ": " + f.ordersToday() + " orders were already sent today, the most"
                    + " risk.limits.maxOrdersPerDay allows");
        }
        boolean valued = limits.maxOrderValue() > 0 || limits.maxPositionValue() > 0;
        if (valued && (f.price() == null || !(f.price() > 0))) {
            return Optional.of(what + ": no price to check the order's value against the risk limits");
        }
        if (limits.maxOrderValue() > 0 && f.quantity() * f.price() > limits.maxOrderValue()) {
            return Optional.of(String.format(Locale.ROOT, "%s is worth $%,.2f, more than risk.limits.maxOrderValue $%,.2f",
                    what, f.quantity() * f.price(), limits.maxOrderValue()));
        }
        long after = f.held() + (f.side() == Side.BUY ? f.quantity() : -f.quantity());
        if (limits.maxPositionValue() > 0 && Math.abs(after) * f.price() > limits.maxPositionValue()) {
            return Optional.of(String.format(Locale.ROOT, "%s would make the %s position worth $%,.2f, more than"
                    + " risk.limits.maxPositionValue $%,.2f", what, f.symbol(), Math.abs(after) * f.price(),
                    limits.maxPositionValue()));
        }
        return Optional.empty();
    }

    /**
     * The state the day's loss calls for: HALTED from {@code dailyLossHaltPercent}, REDUCING from
     * {@code dailyLossReducingPercent}, measured against the previous close's equity; empty below both, or
     * when {@code current} is already at least as strict.
     */
    static Optional<LossState> dailyLoss(RiskLimits limits, double equity, double lastEquity, TradingState current) {
        if (!(lastEquity > 0) || !(equity < lastEquity)) {
            return Optional.empty();
        }
        double loss = (lastEquity - equity) / lastEquity * 100;
        String text = String.format(Locale.ROOT, "the account is down %.2f%% today ($%,.2f from $%,.2f at the last close)",
                loss, lastEquity - equity, lastEquity);
        if (limits.dailyLossHaltPercent() > 0 && loss >= limits.dailyLossHaltPercent() && current != TradingState.HALTED) {
            return Optional.of(new LossState(TradingState.HALTED, text + ", at least risk.limits.dailyLossHaltPercent "
                    + plain(limits.dailyLossHaltPercent()) + "%"));
        }
        if (limits.dailyLossReducingPercent() > 0 && loss >= limits.dailyLossReducingPercent()
                && current == TradingState.ACTIVE) {
            return Optional.of(new LossState(TradingState.REDUCING, text + ", at least risk.limits.dailyLossReducingPercent "
                    + plain(limits.dailyLossReducingPercent()) + "%"));
        }
        return Optional.empty();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
