package org.leverdesk.options.chain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * The option chain of one underlying at one day's close: its expiries and, per expiry, a quote for
 * each strike and right, ordered by expiry, strike, then call before put.
 */
public record OptionChain(String underlying, LocalDate asOf, double spot, ChainInputs inputs, List<Expiry> expiries,
                          List<OptionQuote> quotes) {
    public OptionChain {
        expiries = List.copyOf(expiries);
        quotes = List.copyOf(quotes);
    }

    /** The continuous risk-free rate the chain was priced with. */
    public double rate() {
        return inputs.rate().continuous();
    }

    public double dividendYield() {
        return inputs.dividendYield();
    }

    /** The expiries whose days to expiry lie in [minDte, maxDte]. */
    public List<Expiry> expiriesWithinDte(int minDte, int maxDte) {
        return expiries.stream().filter(e -> e.daysFrom(asOf) >= minDte && e.daysFrom(asOf) <= maxDte).toList();
    }

    /** The quotes of one expiry and right, ascending by strike. */
    public List<OptionQuote> quotes(LocalDate expiry, OptionRight right) {
        List<OptionQuote> out = new ArrayList<>();
        for (OptionQuote q : quotes) {
            if (q.contract().expiry().equals(expiry) && q.contract().right() == right) {
                out.add(q);
            }
        }
        return out;
    }

    /** The quote of {@code contract}, when the chain holds it. */
    public Optional<OptionQuote> find(OptionContract contract) {
        for (OptionQuote q : quotes) {
            if (q.contract().equals(contract)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /**
     * The quote of {@code expiry} and {@code right} whose |delta| is nearest {@code absDelta} (0.30 finds
     * the 30-delta call or the −0.30-delta put); a tie goes to the strike further out of the money.
     */
    public Optional<OptionQuote> nearestDelta(LocalDate expiry, OptionRight right, double absDelta) {
        if (!(absDelta >= 0 && absDelta <= 1)) {
            throw new IllegalArgumentException("target delta must be between 0 and 1 in absolute value (got " + absDelta + ")");
        }
        OptionQuote best = null;
        double bestDistance = Double.MAX_VALUE;
        for (OptionQuote q : quotes(expiry, right)) {
            double distance = Math.abs(Math.abs(q.delta()) - absDelta);
            boolean furtherOut = best != null && (right == OptionRight.PUT
                    ? q.contract().strike().compareTo(best.contract().strike()) < 0
                    : q.contract().strike().compareTo(best.contract().strike()) > 0);
            if (distance < bestDistance - 1e-12 || (Math.abs(distance - bestDistance) <= 1e-12 && furtherOut)) {
                best = q;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The quote whose strike is nearest {@code otmFraction} out of the money (spot × (1 − f) for a put,
     * spot × (1 + f) for a call); a tie goes to the strike further out of the money.
     */
    public Optional<OptionQuote> nearestOtm(LocalDate expiry, OptionRight right, double otmFraction) {
        double target = right == OptionRight.PUT ? spot * (1 - otmFraction) : spot * (1 + otmFraction);
        OptionQuote best = null;
        double bestDistance = Double.MAX_VALUE;
        for (OptionQuote q : quotes(expiry, right)) {
            double distance = Math.abs(q.contract().strikeValue() - target);
            boolean furtherOut = right == OptionRight.PUT ? q.contract().strikeValue() < target : q.contract().strikeValue() > target;
            if (distance < bestDistance - 1e-9 || (Math.abs(distance - bestDistance) <= 1e-9 && furtherOut)) {
                best = q;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
