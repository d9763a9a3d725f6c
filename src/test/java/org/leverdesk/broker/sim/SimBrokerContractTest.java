package org.leverdesk.broker.sim;

import java.time.Instant;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerContractTest;
import org.leverdesk.broker.BrokerFixture;

/** The broker contract against the in-memory {@link SimBroker}. */
class SimBrokerContractTest extends BrokerContractTest {
    // Wednesday 2026-03-04, 10:00 New York: inside a regular session.
    static final Instant START = Instant.parse("2026-03-04T15:00:00Z");

    @Override
    protected BrokerFixture newFixture() {
        SimBroker sim = new SimBroker(START);
        return new BrokerFixture() {
            @Override
            public Broker broker() {
                return sim;
            }

            @Override
            public void setQuote(String symbol, double bid, double ask) {
                sim.setQuote(symbol, bid, ask, sim.now());
            }

            @Override
            public String optionsUnsupported() {
                return null;
            }

            @Override
            public void expireOptions(java.time.LocalDate day, String underlying, double close) {
                Instant at = day.atTime(16, 0).atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toInstant();
                if (at.isAfter(sim.now())) {
                    sim.setTime(at);
                }
                sim.setQuote(underlying, close, close, sim.now());
                sim.settleExpiries(day);
            }

            @Override
            public void closeMarket() {
                sim.setTime(Instant.parse("2026-03-04T21:01:00Z"));
                sim.closeMarket();
                // 19:01 New York, as the Alpaca fixture: Alpaca takes OPG orders for the next open from 19:00.
                sim.setTime(Instant.parse("2026-03-05T00:01:00Z"));
            }

            @Override
            public void openSession() {
                sim.setTime(Instant.parse("2026-03-05T14:30:00Z"));
                sim.openSession();
            }

            @Override
            public void close() {
            }
        };
    }
}
