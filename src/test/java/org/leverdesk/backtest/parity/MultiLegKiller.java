package org.leverdesk.backtest.parity;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.market.calendar.NyseCalendar;

/**
 * Kills the live side of a parity replay at the points of a multi-leg order that matter: before the first opening
 * order is sent (its intents are stored), right after the broker accepted the second opening order (its answer never
 * stored), right after it accepted the first closing order (an exit check's), and, when {@code rest} is given, right
 * after it accepted the second closing order that {@code rest} made the broker leave open (a real broker's order still
 * working when the process comes back).
 */
final class MultiLegKiller {
    final List<String> kills = new ArrayList<>();
    private final Runnable rest;
    private int openings;
    private int closings;

    MultiLegKiller() {
        this(null);
    }

    /** @param rest makes the broker leave its next multi-leg order open (null: no such kill) */
    MultiLegKiller(Runnable rest) {
        this.rest = rest;
    }

    /** The kills' kinds in order: each entry up to " order". */
    List<String> kinds() {
        return kills.stream().map(k -> k.substring(0, k.indexOf(" order"))).toList();
    }

    Broker wrap(Broker broker) {
        // the paper broker's own answers (its ledger views, with ownership too, fees, legs) pass through unchanged
        return new PaperForwardingBroker(broker) {
            @Override
            public List<BrokerOrder> submitMultiLeg(MultiLegOrderRequest request) {
                Set<String> held = delegate.positions().stream().map(BrokerPosition::symbol).collect(Collectors.toSet());
                boolean closing = request.legs().stream().map(OrderRequest::symbol).anyMatch(held::contains);
                // To the minute: a broker's clock (the fake Alpaca server's) runs on within the job's minute.
                String at = LocalTime.ofInstant(delegate.clock().timestamp(), NyseCalendar.ZONE)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
                String what = (closing ? "closing" : "opening") + " order " + request.clientOrderId() + " at " + at;
                if (!closing && openings++ == 0) {
                    throw killed("before sending the " + what);
                }
                int closingNo = closing ? ++closings : 0;
                boolean resting = rest != null && closingNo == 2;
                if (resting) {
                    rest.run();
                }
                List<BrokerOrder> accepted = delegate.submitMultiLeg(request);
                if (!closing && openings == 3 || closingNo == 1) {
                    throw killed("after the broker accepted the " + what);
                }
                if (resting) {
                    throw killed("after the broker accepted and left open the " + what);
                }
                return accepted;
            }
        };
    }

    private ParityReplay.Killed killed(String where) {
        kills.add(where);
        return new ParityReplay.Killed(where);
    }
}
