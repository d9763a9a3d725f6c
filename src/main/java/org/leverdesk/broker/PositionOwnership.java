package org.leverdesk.broker;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contract-level ownership (decision record 0031): which part of each of the account's positions one strategy
 * holds, when several strategies trade options on one root in one account. The broker keeps one position per
 * symbol (two strategies short the same put show as −2); each strategy's part comes from what its own fills and
 * the option events of its contracts put there.
 */
@FunctionalInterface
public interface PositionOwnership {
    /**
     * The strategy's signed part of each of {@code positions} (the broker's, whole account) that is attributed; a
     * symbol left out of the answer is not attributed and counts whole (shares of a symbol only this strategy
     * trades).
     */
    Map<String, Long> parts(List<BrokerPosition> positions);

    /**
     * The strategy's own average entry price of its part of each of {@code positions} it can tell: an option contract
     * its own fills opened (and its option events reduced), by {@link org.leverdesk.domain.EntryAverage}'s rule, rebuilt
     * from the same orders and events as its part. A symbol left out keeps the account's average (a root's shares, which
     * one strategy alone may hold; a part no fill of its own explains). Several strategies holding one contract at
     * different prices each see their own, so a spread's credit and its stop and target are its own.
     */
    default Map<String, BigDecimal> averageEntryPrices(List<BrokerPosition> positions) {
        return Map.of();
    }

    /**
     * The average a view shows for a part of {@code part} contracts when its holder's own fills left {@code own}: its
     * own average when they point the same way (a part the split shrank keeps it, as a sale keeps the average), null
     * (the account's) otherwise.
     */
    static BigDecimal averageOf(long part, org.leverdesk.domain.EntryAverage own) {
        return own != null && own.average() != null && part != 0 && own.quantity().signum() == Long.signum(part)
                ? own.average() : null;
    }

    /**
     * Splits {@code held} (signed: the broker's position, or the contracts an expiry or assignment closed) among
     * strategies. Each starts with its recorded count ({@code recorded}, signed: its filled orders and its option
     * events), so two strategies on opposite sides of one contract each keep theirs while the broker shows the net.
     * When the counts do not add up to {@code held}, the difference goes first to the strategies whose open orders
     * ({@code pending}, signed unfilled remainders) point that way (fills the store has not recorded yet), then is taken
     * from the strategies whose parts it shrinks (a position gone that nobody recorded: an expiry, a sale by hand);
     * what is still left is nobody's (a position opened by hand). Strategies are served in name order, so the answer
     * is the same on every run. Strategies with no part are left out.
     */
    static Map<String, Long> split(long held, Map<String, Long> recorded, Map<String, Long> pending) {
        Map<String, Long> out = new TreeMap<>();
        recorded.forEach((s, q) -> {
            if (q != 0) {
                out.put(s, q);
            }
        });
        long diff = held - out.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : new TreeMap<>(pending).entrySet()) {
            if (diff != 0 && Long.signum(e.getValue()) == Long.signum(diff)) {
                long take = Long.signum(diff) * Math.min(Math.abs(diff), Math.abs(e.getValue()));
                out.merge(e.getKey(), take, Long::sum);
                diff -= take;
            }
        }
        for (Map.Entry<String, Long> e : out.entrySet()) {
            if (diff != 0 && Long.signum(e.getValue()) == -Long.signum(diff)) {
                long take = Long.signum(diff) * Math.min(Math.abs(diff), Math.abs(e.getValue()));
                e.setValue(e.getValue() + take);
                diff -= take;
            }
        }
        out.values().removeIf(q -> q == 0);
        return out;
    }
}
