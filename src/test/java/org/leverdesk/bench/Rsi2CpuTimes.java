package org.leverdesk.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link Rsi2BacktestBench}'s four benchmarks measured in thread CPU time instead of wall time, in one JVM:
 * on a shared machine (load average far above the core count) JMH's wall-clock figures mostly measure
 * the wait for a core, while the CPU time a thread used per operation stays close to the idle-machine
 * cost. Each benchmark is warmed up, then run in rounds; the best round's CPU per operation and its
 * allocation per operation are printed.
 * Run: {@code java -cp target/classes:target/test-classes:<test classpath> org.leverdesk.bench.Rsi2CpuTimes [rounds]}.
 */
public final class Rsi2CpuTimes {
    private Rsi2CpuTimes() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Rsi2BacktestBench b = new Rsi2BacktestBench();
        b.load();
        measure("leverdesk", b::leverdesk, 100, rounds);
        measure("ta4jDecimal", b::ta4jDecimal, 20, rounds);
        measure("ta4jDouble", b::ta4jDouble, 200, rounds);
        measure("bareLoop", () -> b.bareLoop(), 20_000, rounds);
    }

    private static void measure(String name, Supplier<?> op, int perRound, int rounds) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Object sink = null;
        double best = Double.MAX_VALUE;
        double bytes = 0;
        for (int round = -3; round < rounds; round++) { // three warm-up rounds
            long cpu = bean.getCurrentThreadCpuTime();
            long allocated = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < perRound; i++) {
                sink = op.get();
            }
            double cpuPerOp = (bean.getCurrentThreadCpuTime() - cpu) / 1e3 / perRound;
            if (round >= 0 && cpuPerOp < best) {
                best = cpuPerOp;
                bytes = (double) (bean.getCurrentThreadAllocatedBytes() - allocated) / perRound;
            }
        }
        System.out.printf(Locale.ROOT, "%-12s %12.1f us CPU/op (best of %d rounds of %d), %12.0f B/op  [%s]%n", name, best,
                rounds, perRound, bytes, sink == null ? "" : sink.getClass().getSimpleName());
    }
}
