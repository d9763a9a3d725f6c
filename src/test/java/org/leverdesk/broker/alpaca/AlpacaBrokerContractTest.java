package org.leverdesk.broker.alpaca;

import org.leverdesk.broker.BrokerContractTest;
import org.leverdesk.broker.BrokerFixture;

/** The broker contract suite against the Alpaca adapter talking to the fake Alpaca server on 127.0.0.1. */
class AlpacaBrokerContractTest extends BrokerContractTest {
    @Override
    protected BrokerFixture newFixture() {
        return new AlpacaBrokerFixture();
    }
}
