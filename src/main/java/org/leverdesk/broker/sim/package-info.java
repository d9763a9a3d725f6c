/**
 * The simulated market: {@link org.leverdesk.broker.sim.OrderMatcher} (the fill rules) and
 * {@link org.leverdesk.broker.sim.SimBroker}, an in-memory cash account driven by hand-set quotes and
 * sessions; the paper broker reuses both.
 */
package org.leverdesk.broker.sim;
