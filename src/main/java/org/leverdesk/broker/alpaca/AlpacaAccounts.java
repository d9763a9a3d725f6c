package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerException;

/**
 * Reads Alpaca's {@code GET /v2/account} answer tolerantly, by hand rather than through a generated
 * model: Alpaca removed {@code daytrade_count}, {@code pattern_day_trader} and related fields in
 * July 2026 and may add others, so only the fields Leverdesk uses are read and the rest ignored.
 */
final class AlpacaAccounts {
    private AlpacaAccounts() {
    }

    static Account parse(JsonNode a) {
        if (a == null || !a.isObject()) {
            throw new BrokerException("Alpaca's account answer is not a JSON object; check the endpoint setting");
        }
        BigDecimal cash = money(a, "cash");
        BigDecimal equity = a.hasNonNull("equity") ? money(a, "equity") : money(a, "portfolio_value");
        BigDecimal buyingPower = money(a, "buying_power");
        BigDecimal lastEquity = a.hasNonNull("last_equity") ? money(a, "last_equity") : equity;
        String id = a.path("account_number").asText("");
        if (id.isBlank()) {
            id = a.path("id").asText("unknown");
        }
        boolean blocked = a.path("trading_blocked").asBoolean(false) || a.path("account_blocked").asBoolean(false);
        return new Account(id, cash, equity, buyingPower, lastEquity, blocked);
    }

    /** Alpaca sends money as strings ("100000.00"); numbers are accepted too. */
    private static BigDecimal money(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            throw new BrokerException("Alpaca's account answer has no '" + field + "'; Alpaca may have changed its API: "
                    + "update Leverdesk");
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new BrokerException("Alpaca's account field '" + field + "' is not a number ('" + v.asText() + "')", e);
        }
    }
}
