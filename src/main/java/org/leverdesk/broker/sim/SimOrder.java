package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import org.leverdesk.broker.BrokerOrder;

/**
 * An order inside the simulated broker: what the port reports, plus its sequence number (matching
 * order), the price per share a buy holds back from buying power, and whether its stop has triggered.
 */
public record SimOrder(long number, BrokerOrder order, BigDecimal reservePrice, boolean stopTriggered) {
    SimOrder with(BrokerOrder changed) {
        return new SimOrder(number, changed, reservePrice, stopTriggered);
    }

    SimOrder triggered() {
        return new SimOrder(number, order, reservePrice, true);
    }
}
