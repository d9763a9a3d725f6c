package org.leverdesk.notify;

/** How the e-mail channel protects the connection (and the password) to the SMTP server. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS before login; refuses servers that do not offer it (port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, port 465). */
    SMTPS,
    /** No encryption: only for a relay on the same machine or a test server. */
    NONE;

    /** SMTPS for port 465, else STARTTLS: the config has no field for it, and both common ports imply one. */
    public static SmtpSecurity forPort(int port) {
        return port == 465 ? SMTPS : STARTTLS;
    }
}
