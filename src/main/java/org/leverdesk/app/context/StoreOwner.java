package org.leverdesk.app.context;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.emergency.EmergencyExit;

/**
 * The process that holds a store open (the daemon or the window) as other commands see it. While it
 * runs, commands for its store run inside it - sent over the control channel from another process, or
 * directly when they run in this JVM - on its open {@link AppContext}, its broker and its trading
 * runtime, instead of failing with "the store is in use". {@link #register} makes this process the
 * owner of {@code dataDir}; {@link #of} finds the owner of a data folder in this JVM.
 *
 * @param dataDir    the store's folder
 * @param kind       "daemon" or "window"
 * @param app        the owner's open context (store, prices, broker)
 * @param configFile the config the owner runs with
 * @param runtime    its trading runtime; null when trading could not start (then {@code problem} says why)
 * @param problem    why there is no runtime, or null
 */
public record StoreOwner(Path dataDir, String kind, AppContext app, ConfigFile configFile, TradingRuntime runtime,
                         String problem) {
    private static final Map<Path, StoreOwner> OWNERS = new ConcurrentHashMap<>();

    /** Makes {@code owner} the one that serves its data folder in this JVM; returns a handle that unregisters it. */
    public static AutoCloseable register(StoreOwner owner) {
        Path key = key(owner.dataDir());
        OWNERS.put(key, owner);
        return () -> OWNERS.remove(key, owner);
    }

    /** The owner of {@code dataDir} in this JVM, if one runs here. */
    public static Optional<StoreOwner> of(Path dataDir) {
        return Optional.ofNullable(OWNERS.get(key(dataDir)));
    }

    /** "the Leverdesk daemon (pid 4242)". */
    public String description() {
        return "the Leverdesk " + kind + " (pid " + ProcessHandle.current().pid() + ")";
    }

    /** Its trading runtime, when trading runs. */
    public Optional<TradingRuntime> trading() {
        return Optional.ofNullable(runtime);
    }

    /**
     * The emergency exit of this owner's account: the runtime's (which also wakes its scheduler and
     * notifies) or, when trading could not start, one over the broker the config's broker settings name.
     */
    public EmergencyExit emergency() {
        if (runtime != null) {
            return runtime.emergency();
        }
        Clock clock = Clock.systemUTC();
        AppConfig brokerOnly = AppConfig.defaults().withBroker(configFile.brokerOnly());
        return new EmergencyExit(app.broker(brokerOnly, configFile.secrets().tolerant(), clock), app.emergencyRecord(clock),
                null, clock);
    }

    private static Path key(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }
}
