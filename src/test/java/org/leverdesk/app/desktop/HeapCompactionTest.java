package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeapCompactionTest {
    @Test
    void aCollectionIsDueOnlyOnceEnoughWasPromotedAndNothingAllocates() {
        assertTrue(HeapCompaction.due(HeapCompaction.PROMOTED_BYTES, true));
        assertFalse(HeapCompaction.due(HeapCompaction.PROMOTED_BYTES * 4, false), "a backtest or sweep still running");
        assertFalse(HeapCompaction.due(HeapCompaction.PROMOTED_BYTES - 1, true), "too little to be worth a pause");
        assertFalse(HeapCompaction.due(-5, true), "less than after the last full collection");
    }

    @Test
    void underTheSerialCollectorAnIdleHeapIsCollectedAndShrunk() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xms32m", "-XX:-ShrinkHeapInSteps", "-XX:MaxTenuringThreshold=0",
                "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10",
                "-cp", System.getProperty("java.class.path"), HeapCompactionProbe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("full=(\\d+) before=(\\d+) after=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(1, Integer.parseInt(m.group(1)), "one full collection while idle, not a loop: " + out);
        assertTrue(Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(2)) - 32, "the heap shrank: " + out);
    }
}
