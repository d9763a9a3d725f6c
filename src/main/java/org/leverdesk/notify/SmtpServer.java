package org.leverdesk.notify;

import java.util.List;

/**
 * Where e-mail goes: the SMTP server, its security, the login user (null for a server without
 * login), the sender and the recipients. The password is a secret and is passed separately.
 */
public record SmtpServer(String host, int port, SmtpSecurity security, String user, String from, List<String> to) {
    public SmtpServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("e-mail needs an SMTP host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535 (got " + port + ")");
        }
        if (from == null || from.isBlank() || to == null || to.isEmpty()) {
            throw new IllegalArgumentException("e-mail needs a sender and at least one recipient");
        }
        to = List.copyOf(to);
        user = user == null || user.isBlank() ? null : user.strip();
    }
}
