package org.leverdesk.emergency;

import java.time.Clock;
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

    public StoreEmergencyRecord(RiskGate gate, JournalRepository journal, OrderRepository orders) {
        this.gate = gate;
        this.journal = journal;
        this.orders = orders;
    }

    /** The record of {@code store} with entry times from {@code clock}. */
    public static StoreEmergencyRecord of(Store store, Clock clock) {
        JournalRepository journal = new JournalRepository(store, clock);
        return new StoreEmergencyRecord(new RiskGate(new TradingStateRepository(store, clock), journal), journal,
                new OrderRepository(store, clock));
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
