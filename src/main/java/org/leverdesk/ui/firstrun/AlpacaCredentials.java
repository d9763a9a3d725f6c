package org.leverdesk.ui.firstrun;

/** An Alpaca API key pair as typed in the first-run dialog; {@link #toString()} never shows the secret. */
public record AlpacaCredentials(String keyId, String secretKey) {
    @Override
    public String toString() {
        return "AlpacaCredentials[keyId=" + keyId + ", secretKey=***]";
    }
}
