package org.leverdesk.emergency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.store.OrderIntent;
import org.leverdesk.broker.PositionOwnership;
import org.leverdesk.config.ExternalPositions;
import org.leverdesk.execution.PositionBook;
import org.leverdesk.execution.PositionChecks;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.PositionLedger;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.risk.TradingState;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.Store;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.TradingStateRepository;

/** Records an emergency exit in the store: the risk gate's HALTED state, journal entries, order statuses. */
public final class StoreEmergencyRecord implements EmergencyRecord {
    /** The journal kind of every emergency step. */
    public static final String KIND = "emergency";

    private final RiskGate gate;
    private final JournalRepository journal;
    private final OrderRepository orders;
    private final PositionBook book;
    private final OrderQueries queries;
    private final Clock clock;

    /** With no position book: it cannot tell a strategy's part of a shared contract. */
    public StoreEmergencyRecord(RiskGate gate, JournalRepository journal, OrderRepository orders) {
        this(gate, journal, orders, null, null, Clock.systemUTC());
    }

    /**
     * @param book    the store's split of shared contracts among strategies (decision record 0031); null for none
     * @param queries the store's open orders (whose strategy an order is); null for none
     * @param clock   the trading day of the closing orders it records
     */
    public StoreEmergencyRecord(RiskGate gate, JournalRepository journal, OrderRepository orders, PositionBook book,
                                OrderQueries queries, Clock clock) {
        this.gate = gate;
        this.journal = journal;
        this.orders = orders;
        this.book = book;
        this.queries = queries;
        this.clock = clock;
    }

    /** The record of {@code store} with entry times from {@code clock}. */
    public static StoreEmergencyRecord of(Store store, Clock clock) {
        JournalRepository journal = new JournalRepository(store, clock);
        OrderRepository orders = new OrderRepository(store, clock);
        // The same split the decision cycle's views use (IGNORE: a contract opened by hand is nobody's, so a strategy
        // exit leaves it alone), read from the store as it stands: nothing of the runtime or the config is needed.
        OrderQueries queries = new OrderQueries(store, orders);
        PositionBook book = new PositionChecks(new PositionLedger(store, clock), queries, journal, ExternalPositions.IGNORE);
        return new StoreEmergencyRecord(new RiskGate(new TradingStateRepository(store, clock), journal), journal, orders, book,
                queries, clock);
    }

    @Override
    public PositionOwnership ownership(String strategyId, Set<String> roots) {
        if (book == null) {
            return EmergencyRecord.super.ownership(strategyId, roots);
        }
        return book.ownership(strategyId, roots);
    }

    @Override
    public Map<String, String> openOrderOwners() {
        if (queries == null) {
            return EmergencyRecord.super.openOrderOwners();
        }
        Map<String, String> out = new HashMap<>();
        queries.notFinal().forEach(o -> {
            if (o.brokerOrderId() != null && o.intent().strategyId() != null) {
                out.put(o.brokerOrderId(), o.intent().strategyId());
            }
        });
        return out;
    }

    @Override
    public void closingOrder(String strategyId, OrderRequest r) {
        orders.insertIntent(new OrderIntent(r.clientOrderId(), strategyId, LocalDate.ofInstant(clock.instant(), NyseCalendar.ZONE),
                "emergency-close", r.symbol(), r.side(), r.quantity(), r.type(), r.timeInForce(), r.limitPrice(),
                r.stopPrice()));
    }

    @Override
    public void closingOutcome(BrokerOrder o) {
        orders.recordOutcome(o.clientOrderId(), o.status(), o.brokerOrderId(), o.filledQuantity(), o.filledAveragePrice(),
                o.rejectReason());
    }

    @Override
    public void halt(String reason) {
        gate.setState(TradingState.HALTED, reason);
    }

    @Override
    public void journal(String strategyId, String message) {
        journal.append(KIND, strategyId, message, null);
    }

    @Override
    public boolean orderStatus(String clientOrderId, OrderStatus status, String brokerOrderId) {
        if (clientOrderId == null || orders.findByClientOrderId(clientOrderId).isEmpty()) {
            return false;
        }
        try {
            orders.updateStatus(clientOrderId, status, brokerOrderId);
            return true;
        } catch (StoreException e) {
            // Already final with another status (the broker's report wins; reconciliation journals the conflict).
            return false;
        }
    }
}
