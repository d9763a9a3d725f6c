package org.leverdesk.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * E-mail through SMTP with Jakarta Mail: one plain-text UTF-8 message per notification, subject
 * "[Leverdesk] title". With STARTTLS or SMTPS the server's certificate and host name are checked
 * (against the JVM's trust store, or the given socket factory's), and the password never travels
 * unencrypted.
 */
public final class EmailChannel implements NotificationChannel<EmailChannel.Email> {
    /** A rendered e-mail. */
    public record Email(String subject, String text, java.time.Instant sent) {
    }

    private final SmtpServer server;
    private final String password;
    private final Session session;
    private final Redactor redactor;

    /**
     * A channel for {@code server}; {@code password} may be null when the server needs no login;
     * {@code sslSocketFactory} null means the JVM's default trust store.
     */
    public EmailChannel(SmtpServer server, String password, Duration timeout, SSLSocketFactory sslSocketFactory) {
        if (server.user() != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("e-mail: SMTP user " + server.user() + " needs a password (secret SMTP_PASSWORD)");
        }
        this.server = server;
        this.password = password;
        this.redactor = new Redactor(password);
        this.session = Session.getInstance(properties(server, timeout, sslSocketFactory));
    }

    private static Properties properties(SmtpServer server, Duration timeout, SSLSocketFactory sslSocketFactory) {
        String protocol = server.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", server.host());
        props.put(p + "port", String.valueOf(server.port()));
        props.put(p + "auth", String.valueOf(server.user() != null));
        String millis = String.valueOf(timeout.toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        if (server.security() == SmtpSecurity.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (server.security() != SmtpSecurity.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
            if (sslSocketFactory != null) {
                props.put(p + "ssl.socketFactory", sslSocketFactory);
            }
        }
        return props;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public List<Email> render(Notification notification) {
        return List.of(new Email("[Leverdesk] " + notification.title(), notification.plainText(), notification.time()));
    }

    @Override
    public void deliver(Email email) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(server.from(), true));
            for (String to : server.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            message.setSubject(email.subject(), "UTF-8");
            message.setText(email.text(), "UTF-8");
            message.setSentDate(Date.from(email.sent()));
            try (Transport transport = session.getTransport()) {
                transport.connect(server.host(), server.port(), server.user(), password);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw new NotificationException("E-mail: " + server.host() + " refused the login of " + server.user()
                    + "; check the SMTP user and SMTP_PASSWORD", false);
        } catch (SendFailedException e) {
            throw new NotificationException(redactor.redact("E-mail: " + server.host() + " refused the message ("
                    + oneLine(e) + "); check the sender and recipient addresses"), false);
        } catch (MessagingException e) {
            throw new NotificationException(redactor.redact("E-mail: cannot send through " + server.host() + ":"
                    + server.port() + " (" + oneLine(e) + ")"), !(e.getCause() instanceof javax.net.ssl.SSLException)
                    && !notOfferingStartTls(e));
        }
    }

    /** Jakarta Mail says so in the message when STARTTLS is required and the server lacks it; retrying cannot help. */
    private static boolean notOfferingStartTls(MessagingException e) {
        return e.getMessage() != null && e.getMessage().contains("STARTTLS is required");
    }

    private static String oneLine(MessagingException e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause();
        if (cause instanceof IOException || cause instanceof MessagingException) {
            out.append(": ").append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage());
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "EmailChannel[" + server.host() + ":" + server.port() + " " + server.security() + "]";
    }
}
