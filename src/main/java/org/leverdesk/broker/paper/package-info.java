/**
 * The embedded paper broker: the simulated market on the real NYSE clock, priced from the latest
 * daily bars or pushed quotes, with its state in the store's {@code paper_*} tables.
 */
package org.leverdesk.broker.paper;
