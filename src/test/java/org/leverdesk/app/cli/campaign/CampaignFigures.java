package org.leverdesk.app.cli.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.leverdesk.testing.ChildJvm.Signal;

/** What a kill campaign did and found; the checks count cycles (or epochs, for first-day orders) that failed them. */
final class CampaignFigures {
    /** What the killed child was. */
    enum Kind { FIRST_START, RUN, DAEMON }

    /** A broker fault met by the epoch's first order. */
    enum Fault { NONE, POST_HANGS_THEN_KILL, RECORDED_THEN_KILL, POST_ANSWERS_500, RECORDED_THEN_DROPPED }

    int plannedCycles;
    /** The time budget's end when it stopped the campaign before its planned cycles, else null. */
    java.time.Instant stoppedAt;
    int cycles;
    int epochs;
    int firstDayEpochs;
    final Map<Kind, Map<Signal, Integer>> kills = new EnumMap<>(Kind.class);
    int killedWhileRunning;
    int endedBeforeTheKill;
    final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
    int ordersAtTheBroker;
    int duplicateOrders;
    int lostOrderRecords;
    int positionMismatches;
    int positionMismatchesAfterAFailedSend;
    int cyclesAfterAFailedSend;
    int unopenableStores;
    int damagedStores;
    int failedRestarts;
    int unsettledBrokers;
    int lostFirstDayOrders;
    Duration elapsed = Duration.ZERO;
    final List<String> findings = new ArrayList<>();

    void killed(Kind kind, Signal signal) {
        kills.computeIfAbsent(kind, k -> new EnumMap<>(Signal.class)).merge(signal, 1, Integer::sum);
    }

    int kills(Kind kind, Signal signal) {
        return kills.getOrDefault(kind, Map.of()).getOrDefault(signal, 0);
    }

    void faulted(Fault fault) {
        faults.merge(fault, 1, Integer::sum);
    }

    int faults(Fault fault) {
        return faults.getOrDefault(fault, 0);
    }

    void finding(String text) {
        if (findings.size() < 50) {
            findings.add(text);
        }
    }

    /** The figures as the README quotes them. */
    String summary() {
        StringJoiner s = new StringJoiner("\n");
        s.add("kill campaign: " + cycles + " cycles in " + epochs + " epochs (" + firstDayEpochs + " on a strategy's first day), "
                + elapsed.toSeconds() + " s" + (stoppedAt == null ? "" : "; stopped by its time budget (" + stoppedAt
                + ") after " + cycles + " of " + plannedCycles + " planned cycles"));
        for (Kind k : Kind.values()) {
            s.add("  " + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + kills(k, Signal.KILL)
                    + " SIGKILL, " + kills(k, Signal.TERM) + " SIGTERM");
        }
        s.add("  killed while running: " + killedWhileRunning + "; ended before the kill: " + endedBeforeTheKill);
        StringJoiner f = new StringJoiner(", ");
        faults.forEach((k, v) -> {
            if (k != Fault.NONE) {
                f.add(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + v);
            }
        });
        s.add("  broker faults on the first order: " + (f.length() == 0 ? "none" : f.toString()));
        s.add("  orders at the broker: " + ordersAtTheBroker);
        s.add("  duplicate orders: " + duplicateOrders);
        s.add("  lost order records: " + lostOrderRecords);
        s.add("  position mismatches: " + positionMismatches + " (after a failed send: " + positionMismatchesAfterAFailedSend
                + " of " + cyclesAfterAFailedSend + " cycles)");
        s.add("  stores that cannot be opened: " + unopenableStores + "; damaged (store check): " + damagedStores);
        s.add("  failed restarts: " + failedRestarts + "; brokers with orders still open: " + unsettledBrokers);
        s.add("  lost first-day orders: " + lostFirstDayOrders + " of " + firstDayEpochs + " epochs");
        findings.forEach(x -> s.add("  finding: " + x));
        return s.toString();
    }
}
