package org.leverdesk.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.leverdesk.common.SecretMask;

/** Logback's stack traces ({@code %ex}) through {@link SecretMask}: an exception message may quote a credential. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMask.redact(super.convert(event));
    }
}
