package org.leverdesk.broker.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.ConfigException;
import org.leverdesk.config.Secrets;

/**
 * How to reach Alpaca: the paper or live endpoint, the API keys (from {@code config.Secrets}), and the
 * limits every call obeys. {@code baseUrl} replaces Alpaca's hosts (tests point it at a fake server on
 * 127.0.0.1); null means Alpaca's real hosts. {@link #toString()} never shows the keys.
 */
public record AlpacaSettings(AlpacaEndpoint endpoint, String keyId, String secretKey, URI baseUrl,
                             int requestsPerMinute, Duration callTimeout, int readAttempts, Duration retryDelay,
                             Duration maxRetryDelay) {
    /** Alpaca allows 200 requests a minute per account; staying under leaves room for the UI and a second process. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 190;

    public AlpacaSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (keyId == null || keyId.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Alpaca key id and secret key are required: set "
                    + "ALPACA_KEY_ID and ALPACA_SECRET_KEY in the environment or enter them in the first-run dialog");
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1 (got " + requestsPerMinute + ")");
        }
        if (readAttempts < 1) {
            throw new IllegalArgumentException("read attempts must be at least 1 (got " + readAttempts + ")");
        }
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
    }

    /** Alpaca's real hosts with the default limits: 190 requests a minute, 15 s per call, 4 attempts for reads. */
    public static AlpacaSettings of(AlpacaEndpoint endpoint, String keyId, String secretKey) {
        return new AlpacaSettings(endpoint, keyId, secretKey, null, DEFAULT_REQUESTS_PER_MINUTE,
                Duration.ofSeconds(15), 4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** Default settings with the keys from the environment or the user-only secrets file. */
    public static AlpacaSettings fromSecrets(AlpacaEndpoint endpoint, Secrets secrets) {
        String keyId = secrets.get(Secrets.ALPACA_KEY_ID).orElse(null);
        String secret = secrets.get(Secrets.ALPACA_SECRET_KEY).orElse(null);
        if (keyId == null || secret == null) {
            throw new ConfigException("the Alpaca keys are not set: set " + Secrets.ALPACA_KEY_ID + " and "
                    + Secrets.ALPACA_SECRET_KEY + " in the environment or enter them in the first-run dialog (saved to "
                    + secrets.file() + ")");
        }
        return of(endpoint, keyId, secret);
    }

    /** The same settings against another server (scheme, host and port of {@code url}). */
    public AlpacaSettings withBaseUrl(URI url) {
        return new AlpacaSettings(endpoint, keyId, secretKey, url, requestsPerMinute, callTimeout, readAttempts,
                retryDelay, maxRetryDelay);
    }

    public AlpacaSettings withRequestsPerMinute(int perMinute) {
        return new AlpacaSettings(endpoint, keyId, secretKey, baseUrl, perMinute, callTimeout, readAttempts,
                retryDelay, maxRetryDelay);
    }

    public AlpacaSettings withCallTimeout(Duration timeout) {
        return new AlpacaSettings(endpoint, keyId, secretKey, baseUrl, requestsPerMinute, timeout, readAttempts,
                retryDelay, maxRetryDelay);
    }

    /** Reads are tried {@code attempts} times, waiting {@code delay} doubled each time up to {@code maxDelay}, with jitter. */
    public AlpacaSettings withRetries(int attempts, Duration delay, Duration maxDelay) {
        return new AlpacaSettings(endpoint, keyId, secretKey, baseUrl, requestsPerMinute, callTimeout, attempts,
                delay, maxDelay);
    }

    @Override
    public String toString() {
        return "AlpacaSettings[" + endpoint + (baseUrl == null ? "" : " via " + baseUrl) + ", " + requestsPerMinute
                + " requests/min, timeout " + callTimeout + ", keys hidden]";
    }
}
