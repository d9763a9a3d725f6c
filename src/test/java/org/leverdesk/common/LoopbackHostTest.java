package org.leverdesk.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackHostTest {
    @Test
    void namesAndAddressesOfThisMachineAreLoopback() {
        for (String host : new String[] {"localhost", "LocalHost", " 127.0.0.1 ", "127.1.2.3", "::1", "[::1]"}) {
            assertTrue(LoopbackHost.is(host), host);
        }
    }

    @Test
    void otherHostsAreNot() {
        for (String host : new String[] {"", "api.alpaca.markets", "127.0.0.1.example.com", "10.0.0.1", "128.0.0.1",
                "localhost.evil.org", "::2"}) {
            assertFalse(LoopbackHost.is(host), host);
        }
        assertFalse(LoopbackHost.is(null));
    }
}
