package org.leverdesk.common;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process-wide last line of defence for secrets: every secret value this process has read (API
 * keys, tokens, webhook URLs, passwords) is registered here, and text that leaves the process - log
 * lines, journal entries, notifications, the CLI's output and errors, control-channel answers - is
 * passed through {@link #redact}. A broker or notification service that echoes a credential in an
 * error body therefore never gets it written anywhere.
 */
public final class SecretMask {
    /** What a secret is replaced with. */
    public static final String MASK = "***";
    // Values shorter than this are not masked: masking "1" would mangle every number.
    private static final int MIN_LENGTH = 6;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    // Longest first, so a webhook URL is masked whole before a token inside it is.
    private static final List<String> ORDERED = new CopyOnWriteArrayList<>();

    private SecretMask() {
    }

    /** Registers secret values (null, blank and very short values are ignored). */
    public static void register(String... values) {
        boolean added = false;
        for (String v : values) {
            if (v != null && v.strip().length() >= MIN_LENGTH && KNOWN.add(v.strip())) {
                added = true;
            }
        }
        if (added) {
            synchronized (ORDERED) {
                List<String> sorted = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
                ORDERED.clear();
                ORDERED.addAll(sorted);
            }
        }
    }

    /** {@code text} with every registered secret masked; null stays null. */
    public static String redact(String text) {
        if (text == null || ORDERED.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : ORDERED) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /** Forgets every registered value (tests only). */
    public static void clearForTests() {
        synchronized (ORDERED) {
            KNOWN.clear();
            ORDERED.clear();
        }
    }
}
