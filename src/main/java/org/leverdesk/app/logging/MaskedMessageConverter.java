package org.leverdesk.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.leverdesk.common.SecretMask;

/**
 * Logback's {@code %msg} through {@link SecretMask}: a log line that quotes a broker's or a notification
 * service's error text never holds a key, token, webhook URL or password it echoed (logback.xml maps
 * {@code %msg} to this converter).
 */
public final class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMask.redact(super.convert(event));
    }
}
