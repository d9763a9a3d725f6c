package org.leverdesk.ui.options;

import java.util.List;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;

/** The active account's money and positions, read off the UI thread. */
@FunctionalInterface
public interface OptionAccount {
    /** The account and all its positions (stock and options). */
    record Holdings(Account account, List<BrokerPosition> positions) {
    }

    Holdings read();

    /** Reads {@code broker}. */
    static OptionAccount of(Broker broker) {
        return () -> new Holdings(broker.account(), broker.positions());
    }
}
