package org.leverdesk.chat;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The second step of a command that changes the account ({@code closeall}, {@code resume}, {@code killreset}):
 * a six-digit code, one per sender, valid for {@link #TTL} and usable once. A new request replaces the
 * sender's pending one; a wrong code cancels it (so codes cannot be guessed one after the other); a code
 * that was used, expired or belongs to another sender does nothing.
 */
final class Confirmations {
    /** How long a code is valid. */
    static final Duration TTL = Duration.ofSeconds(60);

    /** A command waiting for its code. */
    record Pending(String code, ChatCommand command, java.util.List<String> args, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random;

    Confirmations(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Asks {@code sender} for a code for {@code command}; returns the code. */
    Pending ask(String sender, ChatCommand command, java.util.List<String> args) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        Pending p = new Pending(code, command, java.util.List.copyOf(args), clock.instant().plus(TTL));
        pending.put(sender, p);
        return p;
    }

    /** The sender's pending command when {@code code} is its code and not expired; the pending entry is gone either way. */
    Optional<Pending> take(String sender, String code) {
        Pending p = pending.remove(sender);
        if (p == null || code == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(p.code().getBytes(StandardCharsets.US_ASCII),
                code.strip().getBytes(StandardCharsets.US_ASCII));
        return same && clock.instant().isBefore(p.expires()) ? Optional.of(p) : Optional.empty();
    }
}
