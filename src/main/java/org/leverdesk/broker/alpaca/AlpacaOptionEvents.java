package org.leverdesk.broker.alpaca;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.leverdesk.broker.sim.SimOptionEvent;
import org.leverdesk.options.contract.OptionContract;

/**
 * Alpaca's option activities as the option events the store's own count and the journal already take from the
 * paper broker ({@link SimOptionEvent}, recorded by {@code execution.OptionEventLedger}): {@code OPEXP} closes the
 * contract at $0, {@code OPASN} (a short assigned) and {@code OPEXC} (a long exercised) close it and deliver 100 shares
 * a contract at the strike (a put assigned or a call exercised buys them, a call assigned or a put exercised sells
 * them). Each event is keyed by Alpaca's activity id ({@code alpaca-activity:<id>}), so reading the same activities
 * again after a restart changes nothing.
 */
public final class AlpacaOptionEvents {
    /** The key prefix of an event's fill id. */
    public static final String KEY = "alpaca-activity:";

    private AlpacaOptionEvents() {
    }

    /**
     * The events of {@code activities}; {@code heldContracts} is what the store counts of a contract (short negative),
     * which signs an expiry (Alpaca's activity says only how many expired); with nothing counted Alpaca's own sign is taken.
     */
    public static List<SimOptionEvent> of(List<AlpacaOptions.OptionActivity> activities, Function<String, BigDecimal> heldContracts) {
        List<SimOptionEvent> out = new ArrayList<>();
        for (AlpacaOptions.OptionActivity a : activities) {
            OptionContract c = a.contract();
            BigDecimal n = a.contracts().abs();
            BigDecimal perContract = BigDecimal.valueOf(c.multiplier());
            BigDecimal contracts;
            BigDecimal shares;
            SimOptionEvent.Kind kind;
            switch (a.type()) {
                case OPEXP -> {
                    BigDecimal held = heldContracts.apply(c.occSymbol());
                    int sign = held != null && held.signum() != 0 ? held.signum() : a.contracts().signum();
                    contracts = sign < 0 ? n.negate() : n;
                    shares = BigDecimal.ZERO;
                    kind = SimOptionEvent.Kind.EXPIRED;
                }
                case OPASN -> {
                    contracts = n.negate();
                    shares = c.isPut() ? n.multiply(perContract) : n.multiply(perContract).negate();
                    kind = SimOptionEvent.Kind.ASSIGNED;
                }
                default -> {
                    contracts = n;
                    shares = c.isCall() ? n.multiply(perContract) : n.multiply(perContract).negate();
                    kind = SimOptionEvent.Kind.EXERCISED;
                }
            }
            BigDecimal cash = a.netAmount().signum() != 0 ? a.netAmount() : shares.multiply(c.strike()).negate();
            out.add(new SimOptionEvent(kind, a.date(), c.occSymbol(), c.underlying(), contracts, shares, c.strike(), Double.NaN,
                    cash, KEY + a.id(), shares.signum() == 0 ? null : KEY + a.id() + ":shares",
                    a.date().atTime(16, 0).atZone(java.time.ZoneId.of("America/New_York")).toInstant()));
        }
        return out;
    }

    /** Every expiry, assignment and exercise Alpaca reports since {@code after}, as events. */
    public static List<SimOptionEvent> read(AlpacaOptions options, java.time.Instant after, Function<String, BigDecimal> heldContracts) {
        List<AlpacaOptions.OptionActivity> all = new ArrayList<>();
        for (AlpacaOptions.ActivityType t : AlpacaOptions.ActivityType.values()) {
            all.addAll(options.activities(t, after));
        }
        all.sort(java.util.Comparator.comparing(AlpacaOptions.OptionActivity::date).thenComparing(AlpacaOptions.OptionActivity::id));
        return of(all, heldContracts);
    }
}
