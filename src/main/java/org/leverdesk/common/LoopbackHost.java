package org.leverdesk.common;

import java.util.Locale;

/**
 * Whether a host name or address stays on this machine. Three places relax a rule for such a host:
 * plain SMTP to a local relay, plain HTTP to a local LLM server, and no request quota for a local
 * market-data server (the tests' fake Alpaca); they must agree on what "local" means.
 */
public final class LoopbackHost {
    private LoopbackHost() {
    }

    /** True for {@code localhost}, any 127.x.x.x address and ::1 (with or without brackets); false for null. */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1") || h.equals("[::1]");
    }
}
