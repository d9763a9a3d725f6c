package org.leverdesk.broker.paper;

import org.leverdesk.broker.BrokerContractTest;
import org.leverdesk.broker.BrokerFixture;

/** The broker contract against the H2-backed {@link PaperBroker}. */
class PaperBrokerContractTest extends BrokerContractTest {
    @Override
    protected BrokerFixture newFixture() {
        return new PaperFixture();
    }
}
