package org.leverdesk.backtest;

import org.leverdesk.options.contract.OptionSymbols;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.domain.Fill;

/**
 * Matches fills into closed round trips, first in first out, per symbol. A fill that reduces a
 * position closes the oldest open lots; commissions are charged pro rata to the shares matched.
 */
public final class RoundTripTracker {
    private final Map<String, Deque<Lot>> open = new HashMap<>();
    private final List<RoundTrip> closed = new ArrayList<>();

    private static final class Lot {
        final LocalDate date;
        final double price;
        final double commissionPerShare;
        long quantity; // signed: positive long, negative short

        Lot(LocalDate date, double price, double commissionPerShare, long quantity) {
            this.date = date;
            this.price = price;
            this.commissionPerShare = commissionPerShare;
            this.quantity = quantity;
        }
    }

    public void add(Fill fill) {
        Deque<Lot> lots = open.computeIfAbsent(fill.symbol(), s -> new ArrayDeque<>());
        long remaining = fill.side().sign() * fill.quantity();
        double feePerShare = fill.quantity() == 0 ? 0 : fill.commission() / fill.quantity();
        while (remaining != 0 && !lots.isEmpty() && Long.signum(lots.peekFirst().quantity) != Long.signum(remaining)) {
            Lot lot = lots.peekFirst();
            long matched = Math.min(Math.abs(lot.quantity), Math.abs(remaining));
            long direction = Long.signum(lot.quantity); // +1 closes a long, -1 a short
            // Option prices are per share; a contract is worth the multiplier (100) times them.
            double profit = direction * (fill.price() - lot.price) * matched * OptionSymbols.multiplier(fill.symbol())
                    - (lot.commissionPerShare + feePerShare) * matched;
            closed.add(new RoundTrip(fill.symbol(), lot.date, lot.price, fill.date(), fill.price(), matched, profit));
            lot.quantity -= direction * matched;
            remaining += direction * matched;
            if (lot.quantity == 0) {
                lots.pollFirst();
            }
        }
        if (remaining != 0) {
            lots.addLast(new Lot(fill.date(), fill.price(), feePerShare, remaining));
        }
    }

    public List<RoundTrip> closed() {
        return List.copyOf(closed);
    }
}
