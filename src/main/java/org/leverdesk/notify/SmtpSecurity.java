package org.leverdesk.notify;

import org.leverdesk.common.LoopbackHost;

/** How the e-mail channel protects the connection (and the password) to the SMTP server. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS before login; refuses servers that do not offer it (port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, port 465). */
    SMTPS,
    /** No encryption: only for a relay on the same machine (or a test server on 127.0.0.1). */
    NONE;

    /**
     * The config has no field for it, so: SMTPS on port 465; no encryption for a relay on this machine
     * (localhost or a 127.x / ::1 address, where nothing leaves the machine and relays rarely have a
     * certificate for that name); STARTTLS, required, everywhere else.
     */
    public static SmtpSecurity forServer(String host, int port) {
        if (port == 465) {
            return SMTPS;
        }
        return LoopbackHost.is(host) ? NONE : STARTTLS;
    }
}
