package org.leverdesk.research;

import java.util.Locale;

/**
 * The one-line error of a research job that ran out of Java heap. Every run of a sweep keeps its daily
 * equity (the overfitting statistics need it), so a large grid over a long period can need more heap
 * than the JVM has (the app-image caps it at 512 MB, decision record 0033); the job then stops at once
 * with what to do, instead of the JVM's bare "Java heap space" after minutes of back-to-back collections.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /** "out of memory after 412 of 1,681 runs: ...". */
    public static IllegalStateException of(String where, OutOfMemoryError cause) {
        String msg = String.format(Locale.ROOT, "out of memory %s: the Java heap (at most %,d MB) cannot hold every run's"
                + " daily equity; run fewer parameter sets (--random N, fewer values) or a shorter period,"
                + " or start Leverdesk with more heap (JAVA_TOOL_OPTIONS=-Xmx2g)", where, Runtime.getRuntime().maxMemory() >> 20);
        IllegalStateException e = new IllegalStateException(msg, null);
        e.addSuppressed(cause);
        return e;
    }
}
