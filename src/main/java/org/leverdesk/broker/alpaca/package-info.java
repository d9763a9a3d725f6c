/**
 * The broker port on Alpaca: {@link org.leverdesk.broker.alpaca.AlpacaBroker} (orders, positions, account,
 * clock, calendar, quotes), {@link org.leverdesk.broker.alpaca.AlpacaDataFeed} (Alpaca's market data as the market-data feed) and
 * {@link org.leverdesk.broker.alpaca.AlpacaKeyCheck} (the first-run dialog's check), all over one
 * {@link org.leverdesk.broker.alpaca.AlpacaSession} built from {@link org.leverdesk.broker.alpaca.AlpacaSettings}.
 */
package org.leverdesk.broker.alpaca;
