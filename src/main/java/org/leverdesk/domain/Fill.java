package org.leverdesk.domain;

import java.time.LocalDate;

/** An executed trade: quantity is positive, the side gives the direction; price includes slippage. */
public record Fill(LocalDate date, String symbol, Side side, long quantity, double price, double commission, String reason) {
    public double signedQuantity() { return side.sign() * (double) quantity; }
    /** Cash moved by this fill, commission included (negative for a buy). */
    public double cashDelta() { return -side.sign() * quantity * price - commission; }
}
