package org.leverdesk.execution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic client order ids: the same (strategy, version, trading day, leg) always gives the same
 * id, so a re-run of a day's job cannot trade twice (the broker refuses a second order with the id).
 * Ids read like {@code ld-regime-v3-20260105-buy-TQQQ}; one longer than 64 characters (the store's
 * limit) keeps its readable start and ends in a hash of the whole text, so it stays unique.
 */
public final class ClientOrderIds {
    /** The orders table's column width. */
    public static final int MAX_LENGTH = 64;
    private static final int HASH_CHARS = 12;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ClientOrderIds() {
    }

    /** The client order id of {@code leg} of strategy {@code strategyId} version {@code version} on {@code day}. */
    public static String of(String strategyId, int version, LocalDate day, String leg) {
        if (strategyId == null || strategyId.isBlank() || leg == null || leg.isBlank() || day == null) {
            throw new IllegalArgumentException("a client order id needs a strategy id, a trading day and a leg (got "
                    + strategyId + ", " + day + ", " + leg + ")");
        }
        if (version < 1) {
            throw new IllegalArgumentException("strategy versions start at 1 (got " + version + ")");
        }
        String full = "ld-" + clean(strategyId.toLowerCase(Locale.ROOT)) + "-v" + version + "-" + basicDate(day) + "-" + clean(leg);
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        // Hash the raw inputs (not the cleaned text) so two legs that clean to the same text still differ.
        String hash = sha256(strategyId + "\u0000" + version + "\u0000" + day + "\u0000" + leg).substring(0, HASH_CHARS);
        return full.substring(0, MAX_LENGTH - HASH_CHARS - 1) + "-" + hash;
    }

    /**
     * The strategy version {@code clientOrderId} of {@code strategyId} was made for (the "3" of
     * {@code ld-regime-v3-20260105-buy-TQQQ}; a hashed id keeps that readable start), or empty when it is not one of
     * its ids.
     */
    public static java.util.OptionalInt version(String strategyId, String clientOrderId) {
        String start = prefix(strategyId) + "v";
        if (clientOrderId == null || !clientOrderId.startsWith(start)) {
            return java.util.OptionalInt.empty();
        }
        int end = clientOrderId.indexOf('-', start.length());
        String digits = end < 0 ? "" : clientOrderId.substring(start.length(), end);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Integer.parseInt(digits));
    }

    /** What every client order id of {@code strategyId} starts with ("ld-regime-"). */
    public static String prefix(String strategyId) {
        return "ld-" + clean(strategyId.toLowerCase(Locale.ROOT)) + "-";
    }

    /** Letters, digits, '-' and '.' stay; anything else (spaces, slashes, '_') becomes '-'. */
    private static String clean(String s) {
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            if (!allowed(t.charAt(i))) {
                char[] out = t.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (!allowed(out[j])) {
                        out[j] = '-';
                    }
                }
                return new String(out);
            }
        }
        return t;
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    /** yyyyMMdd, as {@code BASIC_ISO_DATE} prints a date, without a formatter per call. */
    private static String basicDate(LocalDate d) {
        int v = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
        return d.getYear() >= 1000 && d.getYear() <= 9999 ? Integer.toString(v) : DAY.format(d);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
