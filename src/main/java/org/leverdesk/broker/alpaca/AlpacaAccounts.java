package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.leverdesk.broker.Account;

/**
 * Reads Alpaca's {@code GET /v2/account} answer: strictly for the money a decision depends on (cash,
 * equity, buying power must be there and be numbers), tolerantly for everything else. Alpaca removed
 * {@code daytrade_count}, {@code pattern_day_trader} and related fields in July 2026 and may add others,
 * so only the fields Leverdesk uses are read.
 */
final class AlpacaAccounts {
    static final String ENDPOINT = "GET /v2/account";

    private AlpacaAccounts() {
    }

    static Account parse(JsonNode answer) {
        StrictJson a = StrictJson.object(ENDPOINT, "", answer);
        BigDecimal cash = a.decimal("cash");
        BigDecimal equity = answer.hasNonNull("equity") ? a.decimal("equity") : a.decimal("portfolio_value");
        BigDecimal buyingPower = a.decimal("buying_power");
        if (buyingPower.signum() < 0) {
            throw a.fail("buying_power", "is " + buyingPower.toPlainString() + ", below zero");
        }
        // last_equity only feeds the day's P&L display; without it the day shows no change.
        BigDecimal lastEquity = answer.hasNonNull("last_equity") ? a.decimal("last_equity") : equity;
        String id = a.optionalText("account_number");
        if (id == null || id.isBlank()) {
            id = a.optionalText("id") == null ? "unknown" : a.optionalText("id");
        }
        boolean blocked = a.optionalBoolean("trading_blocked", false) || a.optionalBoolean("account_blocked", false);
        // A multiplier above 1 is a margin account (Alpaca: 1 cash, 2 Reg T margin, 4 day-trading margin).
        String multiplier = a.optionalText("multiplier");
        boolean margin = multiplier != null && !multiplier.isBlank() && new BigDecimal(multiplier.trim()).compareTo(BigDecimal.ONE) > 0;
        return new Account(id, cash, equity, buyingPower, lastEquity, blocked, margin);
    }
}
