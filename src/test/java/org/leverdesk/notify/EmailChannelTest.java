package org.leverdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** E-mail against GreenMail on 127.0.0.1: plain SMTP with login, SMTPS with a test certificate, and STARTTLS refusal. */
class EmailChannelTest {
    static final String KEYSTORE = "/notify/smtps-test-127.0.0.1.p12";
    static final String PASSWORD = "s3cret-Pass!";
    static final Instant T = Instant.parse("2026-11-20T20:50:00Z");

    static {
        // GreenMail's own certificate names no host; this one is issued to 127.0.0.1, so the client can check it for real.
        // GreenMail reads these once per JVM, when its first SMTPS server starts; this class is the only SMTPS user.
        try {
            System.setProperty("greenmail.tls.keystore.file", Path.of(EmailChannelTest.class.getResource(KEYSTORE).toURI()).toString());
            System.setProperty("greenmail.tls.keystore.password", "changeit");
            System.setProperty("greenmail.tls.key.password", "changeit");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    GreenMail greenMail;
    private Thread.UncaughtExceptionHandler previousHandler;
    private boolean handlerSwapped;

    @AfterEach
    void stop() throws InterruptedException {
        if (greenMail != null) {
            greenMail.stop();
        }
        if (handlerSwapped) {
            // Let GreenMail's connection threads end before the usual handler is back.
            long until = System.nanoTime() + 5_000_000_000L;
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(DiscardGreenMailErrors::isGreenMailThread)
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
            handlerSwapped = false;
        }
    }

    /**
     * GreenMail's server thread dies with an uncaught exception when the client refuses its
     * certificate. That is the expected outcome here, but an uncaught exception reaches the JVM's
     * default handler, which TestFX (when a UI test ran earlier in the same JVM) records and
     * rethrows in whatever UI test runs next. Only GreenMail's threads are silenced, and only here.
     */
    private record DiscardGreenMailErrors(Thread.UncaughtExceptionHandler next) implements Thread.UncaughtExceptionHandler {
        static boolean isGreenMailThread(Thread t) {
            return t.getName().startsWith("smtps:") || t.getName().startsWith("smtp:");
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (isGreenMailThread(t)) {
                return;
            }
            if (next != null) {
                next.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        }
    }

    private int start(ServerSetup setup) {
        ServerSetup local = setup.dynamicPort();
        // The default 2 s is too short for the first TLS server socket of a cold JVM on a busy machine.
        local.setServerStartupTimeout(15_000);
        greenMail = new GreenMail(local);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.com", "botuser", PASSWORD));
        greenMail.start();
        return setup.isSecure() ? greenMail.getSmtps().getPort() : greenMail.getSmtp().getPort();
    }

    private static SmtpServer server(int port, SmtpSecurity security) {
        return new SmtpServer("127.0.0.1", port, security, "botuser", "bot@example.com",
                List.of("trader@example.com", "partner@example.org"));
    }

    private static Notification fill() {
        return new Notification(NotificationKind.FILL, "tqqq", "Filled: BUY 120 TQQQ @ 61.20", "Value $7,344.00\nÄrger? No.", T);
    }

    private static void send(EmailChannel channel, Notification n) {
        channel.render(n).forEach(channel::deliver);
    }

    private static SSLSocketFactory trustingTestCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = EmailChannelTest.class.getResourceAsStream(KEYSTORE)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    @Test
    void plainSmtpWithLoginDeliversSubjectBodyAndRecipients() throws Exception {
        int port = start(ServerSetupTest.SMTP);
        EmailChannel channel = new EmailChannel(server(port, SmtpSecurity.NONE), PASSWORD, Duration.ofSeconds(5), null);

        send(channel, fill());

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient mailbox");
        MimeMessage mail = received[0];
        assertEquals("[Leverdesk] Filled: BUY 120 TQQQ @ 61.20", mail.getSubject());
        assertEquals("Filled: BUY 120 TQQQ @ 61.20\n\nValue $7,344.00\nÄrger? No.", ((String) mail.getContent()).replace("\r\n", "\n"));
        assertTrue(mail.getContentType().toLowerCase().contains("text/plain"), mail.getContentType());
        assertTrue(mail.getContentType().toLowerCase().contains("utf-8"), mail.getContentType());
        assertEquals("bot@example.com", mail.getFrom()[0].toString());
        assertEquals(List.of("trader@example.com", "partner@example.org"),
                Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList());
        assertEquals(Date.from(T), mail.getSentDate());
    }

    @Test
    void aRefusedLoginIsNotRetriedAndTheMessageHoldsNoPassword() {
        int port = start(ServerSetupTest.SMTP);
        String wrong = "wrong-Pa55word";
        EmailChannel channel = new EmailChannel(server(port, SmtpSecurity.NONE), wrong, Duration.ofSeconds(5), null);

        NotificationException e = assertThrows(NotificationException.class, () -> send(channel, fill()));

        assertFalse(e.retryable());
        assertEquals("E-mail: 127.0.0.1 refused the login of botuser; check the SMTP user and SMTP_PASSWORD", e.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void starttlsIsRequiredSoAServerWithoutItGetsNeitherPasswordNorMessage() {
        int port = start(ServerSetupTest.SMTP); // GreenMail 2.1 offers no STARTTLS
        EmailChannel channel = new EmailChannel(server(port, SmtpSecurity.STARTTLS), PASSWORD, Duration.ofSeconds(5), null);

        NotificationException e = assertThrows(NotificationException.class, () -> send(channel, fill()));

        assertFalse(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void smtpsDeliversWhenTheServersCertificateIsTrustedAndMatchesTheHost() throws Exception {
        int port = start(ServerSetupTest.SMTPS);
        EmailChannel channel = new EmailChannel(server(port, SmtpSecurity.SMTPS), PASSWORD, Duration.ofSeconds(5),
                trustingTestCertificate());

        send(channel, fill());

        assertEquals(2, greenMail.getReceivedMessages().length);
        assertEquals("[Leverdesk] Filled: BUY 120 TQQQ @ 61.20", greenMail.getReceivedMessages()[0].getSubject());
    }

    @Test
    void smtpsRefusesAnUntrustedCertificateWithoutRetrying() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(new DiscardGreenMailErrors(previousHandler));
        handlerSwapped = true;
        int port = start(ServerSetupTest.SMTPS);
        EmailChannel channel = new EmailChannel(server(port, SmtpSecurity.SMTPS), PASSWORD, Duration.ofSeconds(5), null);

        NotificationException e = assertThrows(NotificationException.class, () -> send(channel, fill()));

        assertFalse(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("E-mail: cannot send through 127.0.0.1:" + port), e.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerIsRetryable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: nothing listens there
        }
        EmailChannel channel = new EmailChannel(server(port, SmtpSecurity.NONE), PASSWORD, Duration.ofSeconds(2), null);

        NotificationException e = assertThrows(NotificationException.class, () -> send(channel, fill()));

        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("E-mail: cannot send through 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void aLoginUserWithoutPasswordIsRejectedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmailChannel(server(25, SmtpSecurity.STARTTLS), null, Duration.ofSeconds(1), null));
        assertEquals("e-mail: SMTP user botuser needs a password (secret SMTP_PASSWORD)", e.getMessage());
    }
}
