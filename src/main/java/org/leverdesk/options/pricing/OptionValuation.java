package org.leverdesk.options.pricing;

/** A model price per share with its Greeks. */
public record OptionValuation(double price, Greeks greeks) {
}
