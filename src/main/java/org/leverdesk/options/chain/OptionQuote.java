package org.leverdesk.options.chain;

import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.pricing.Greeks;

/**
 * One contract's quote in a chain, per share (× the multiplier for a contract's money).
 *
 * @param contract          the series
 * @param bid               what a seller receives
 * @param ask               what a buyer pays
 * @param mark              the model price (theoretical value) the bid and ask are set around
 * @param impliedVolatility the volatility the mark was priced with (the surface's), decimal
 * @param greeks            the mark's Greeks
 */
public record OptionQuote(OptionContract contract, double bid, double ask, double mark, double impliedVolatility, Greeks greeks) {
    public double mid() {
        return (bid + ask) / 2;
    }

    public double spread() {
        return ask - bid;
    }

    public double delta() {
        return greeks.delta();
    }
}
