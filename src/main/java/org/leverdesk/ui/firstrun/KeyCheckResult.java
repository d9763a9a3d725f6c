package org.leverdesk.ui.firstrun;

/**
 * What a real account call with the typed keys said.
 *
 * @param ok      true when the keys opened the account
 * @param message one line for the user: the account (e.g. "paper account PA123, $100,000 equity") or what failed and what to do
 */
public record KeyCheckResult(boolean ok, String message) {
    public static KeyCheckResult ok(String message) {
        return new KeyCheckResult(true, message);
    }

    public static KeyCheckResult failed(String message) {
        return new KeyCheckResult(false, message);
    }
}
