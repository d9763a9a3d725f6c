package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.alpaca.FakeAlpacaServer.Fault;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.slf4j.LoggerFactory;

/** The API keys travel only in request headers: never in exceptions, their causes, toString or any log line. */
class AlpacaKeySecrecyTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level rootLevel;
    private FakeAlpacaServer server;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
        server = FakeAlpacaServer.start();
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        server.close();
    }

    private static OrderRequest buy(String id, int qty) {
        return new OrderRequest(id, "QQQ", Side.BUY, BigDecimal.valueOf(qty), OrderType.MARKET, TimeInForce.DAY, null, null);
    }

    @Test
    void keysAppearInNoExceptionNoToStringAndNoLog() {
        List<String> texts = new ArrayList<>();
        server.setQuote("QQQ", 400.00, 400.10);
        server.setSlowDelay(Duration.ofSeconds(3));
        try (AlpacaBroker broker = AlpacaBroker.create(server.settings())) {
            texts.add(server.settings().toString());
            texts.add(broker.toString());
            texts.add(broker.session().toString());
            broker.submit(buy("s-1", 1));
            texts.add(thrown(() -> broker.submit(buy("s-1", 1)))); // duplicate
            texts.add(thrown(() -> broker.submit(buy("s-2", 100_000)))); // rejected
            server.inject("POST", "/v2/orders", Fault.SLOW_AFTER_RECORD, 1);
            texts.add(thrown(() -> broker.submit(buy("s-3", 1)))); // timeout
            server.inject("POST", "/v2/orders", Fault.DROP, 1);
            texts.add(thrown(() -> broker.submit(buy("s-4", 1)))); // dropped
            server.inject("GET", "/v2/account", Fault.SERVER_ERROR, 10);
            texts.add(thrown(broker::account)); // 5xx after retries
        }
        AlpacaSettings wrong = new AlpacaSettings(AlpacaEndpoint.PAPER, FakeAlpacaServer.KEY_ID, "not-the-secret-XYZZY",
                server.baseUrl(), 190, Duration.ofSeconds(2), 1, Duration.ofMillis(10), Duration.ofMillis(20));
        try (AlpacaBroker broker = AlpacaBroker.create(wrong)) {
            texts.add(thrown(broker::positions)); // 401
        }
        texts.add(AlpacaKeyCheck.check(wrong).message());
        logs.list.forEach(e -> texts.add(e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())));

        assertTrue(server.headerValues().contains(FakeAlpacaServer.KEY_ID), "the keys did travel, as headers");
        assertTrue(texts.size() > 10);
        for (String t : texts) {
            assertFalse(t.contains(FakeAlpacaServer.KEY_ID), "key id leaked: " + t);
            assertFalse(t.contains(FakeAlpacaServer.SECRET_KEY), "secret leaked: " + t);
            assertFalse(t.contains("not-the-secret-XYZZY"), "wrong secret leaked: " + t);
        }
    }

    /** The message, causes and stack trace of what {@code call} throws. */
    private static String thrown(Runnable call) {
        BrokerException e = assertThrows(BrokerException.class, call::run);
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        for (Throwable c = e; c != null; c = c.getCause()) {
            all.append('\n').append(c);
        }
        return all.toString();
    }
}
