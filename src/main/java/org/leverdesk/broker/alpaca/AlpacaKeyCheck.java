package org.leverdesk.broker.alpaca;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.config.AlpacaEndpoint;

/** Checks API keys with one real account call and says in one line what it found (used by the first-run dialog). */
public final class AlpacaKeyCheck {
    private AlpacaKeyCheck() {
    }

    /** The outcome: {@code ok} when the keys opened the account; the message is one line for the user. */
    public record Result(boolean ok, String message) {
    }

    /** Reads the account with {@code settings}' keys and endpoint; never throws for a failed check. */
    public static Result check(AlpacaSettings settings) {
        String endpoint = settings.endpoint() == AlpacaEndpoint.LIVE ? "live" : "paper";
        try (AlpacaSession session = new AlpacaSession(settings)) {
            AlpacaSession.Answer a = session.read("check the Alpaca keys", () -> session.rest("GET", "account"));
            return switch (a.status()) {
                case 200 -> connected(endpoint, AlpacaAccounts.parse(a.body()));
                case 401 -> new Result(false, "the key id or secret is wrong; copy both again from Alpaca's dashboard "
                        + "(" + endpoint + " keys only work on the " + endpoint + " endpoint)");
                case 403 -> new Result(false, "Alpaca refused these keys access to the account (HTTP 403: " + a.message()
                        + "); check that the account is active");
                default -> new Result(false, "Alpaca answered HTTP " + a.status() + " (" + a.message()
                        + "); try again later or check Alpaca's status page");
            };
        } catch (BrokerException e) {
            return new Result(false, e.getMessage());
        }
    }

    private static Result connected(String endpoint, Account account) {
        String line = "connected to Alpaca " + endpoint + " account " + account.accountId() + ", equity " + dollars(account.equity());
        return new Result(true, account.tradingBlocked() ? line + "; but trading is blocked on this account (see Alpaca's dashboard)" : line);
    }

    private static String dollars(BigDecimal amount) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        return f.format(amount);
    }
}
