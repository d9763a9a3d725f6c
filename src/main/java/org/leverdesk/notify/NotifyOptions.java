package org.leverdesk.notify;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * Technical settings of the channels that are not in the user's config: the Telegram API address
 * (tests point it at 127.0.0.1), the network timeout per attempt, the retry policy, and an optional
 * TLS socket factory for SMTP (null: the JVM's trust store; a company's own CA or a test certificate otherwise).
 */
public record NotifyOptions(URI telegramBaseUrl, Duration timeout, RetrySettings retry, SSLSocketFactory smtpSslSocketFactory) {
    public NotifyOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the notification timeout must be positive (got " + timeout + ")");
        }
    }

    /** The real Telegram API, 10 s per attempt, the default retries, the JVM's trust store. */
    public static NotifyOptions defaults() {
        return new NotifyOptions(TelegramChannel.DEFAULT_BASE_URL, Duration.ofSeconds(10), RetrySettings.defaults(), null);
    }
}
