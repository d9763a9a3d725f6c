/**
 * The broker port ({@link org.leverdesk.broker.Broker}) and its data; adapters live in
 * {@code broker.sim}, {@code broker.paper} and {@code broker.alpaca}.
 */
package org.leverdesk.broker;
