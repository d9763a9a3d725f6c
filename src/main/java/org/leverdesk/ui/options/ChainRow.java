package org.leverdesk.ui.options;

import org.leverdesk.options.chain.OptionQuote;

/**
 * One strike of the chain table: the call and the put at that strike, whether it is the at-the-money row and
 * how many contracts of each the account holds (0: none).
 */
public record ChainRow(double strike, OptionQuote call, OptionQuote put, boolean atTheMoney, double heldCalls, double heldPuts) {
    public boolean held() {
        return heldCalls != 0 || heldPuts != 0;
    }
}
