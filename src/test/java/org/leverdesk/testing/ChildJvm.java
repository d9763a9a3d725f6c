package org.leverdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child JVM on the test class path, for tests that kill a real process: its output goes to a log
 * file, and its home, config, data and log folders are temporary ones, never the user's.
 */
public final class ChildJvm implements AutoCloseable {
    /** How a test ends the child: SIGKILL (no shutdown hooks run) or SIGTERM (they do, as with systemctl stop or ^C). */
    public enum Signal { KILL, TERM }

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass args} with {@code jvmOptions} (e.g. {@code -Dname=value}) and {@code env}
     * added to an environment whose HOME and XDG folders lie under {@code sandbox}.
     */
    public static ChildJvm start(Path sandbox, Path log, List<String> jvmOptions, Map<String, String> env, String mainClass,
                                 List<String> args) {
        return start(sandbox, log, jvmOptions, env, System.getProperty("java.class.path"), mainClass, args);
    }

    /** Like {@link #start(Path, Path, List, Map, String, List)} with the class path given. */
    public static ChildJvm start(Path sandbox, Path log, List<String> jvmOptions, Map<String, String> env, String classPath,
                                 String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, mainClass));
        cmd.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> e = pb.environment();
            e.put("HOME", Files.createDirectories(sandbox.resolve("home")).toString());
            e.put("XDG_CONFIG_HOME", Files.createDirectories(sandbox.resolve("xdg-config")).toString());
            e.put("XDG_DATA_HOME", Files.createDirectories(sandbox.resolve("xdg-data")).toString());
            e.put("LEVERDESK_LOG_DIR", Files.createDirectories(sandbox.resolve("logs")).toString());
            e.putAll(env);
            return new ChildJvm(pb.start(), log);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot start a child JVM for " + mainClass, ex);
        }
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the child printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until {@code reached} holds (true) or the child ends or {@code timeout} passes (false);
     * polls every 5 ms so a kill lands close to the moment.
     */
    public boolean awaitWhileAlive(BooleanSupplier reached, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                return reached.getAsBoolean();
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Sends {@code signal} and waits for the child to end; false when it did not end within {@code timeout}. */
    public boolean stop(Signal signal, Duration timeout) throws InterruptedException {
        if (signal == Signal.KILL) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return false;
    }

    /** Waits for the child to end by itself; its exit code, or -1 (and a hard kill) after {@code timeout}. */
    public int await(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
