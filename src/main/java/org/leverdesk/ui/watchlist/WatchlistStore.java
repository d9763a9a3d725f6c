package org.leverdesk.ui.watchlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The watchlist's symbols, one per line in {@code watchlist.txt} beside the config file (written to
 * a temporary file and moved into place, so a crash leaves the old list or the new one). Without a
 * folder the list lives for this run only.
 */
public final class WatchlistStore {
    /** What a fresh install watches: the Nasdaq-100 ETFs Leverdesk trades and the S&amp;P 500. */
    public static final List<String> DEFAULTS = List.of("QQQ", "TQQQ", "SQQQ", "QQQM", "SPY");
    static final String FILE_NAME = "watchlist.txt";
    private final Path file;
    private List<String> memory = DEFAULTS;

    /** @param folder the config folder; null keeps the list in memory */
    public WatchlistStore(Path folder) {
        this.file = folder == null ? null : folder.resolve(FILE_NAME);
    }

    /** The symbols, in the order added. */
    public List<String> load() {
        if (file == null || !Files.isRegularFile(file)) {
            return memory;
        }
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.trim().toUpperCase(Locale.ROOT);
                if (s.matches("[A-Z][A-Z0-9.]{0,9}") && !out.contains(s)) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            LoggerFactory.getLogger(WatchlistStore.class).warn("cannot read {}: {}", file, e.getMessage());
            return memory;
        }
    }

    /** Keeps {@code symbols}. */
    public void save(List<String> symbols) {
        memory = List.copyOf(symbols);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.write(tmp, symbols, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LoggerFactory.getLogger(WatchlistStore.class).warn("cannot save the watchlist to {}: {}", file, e.getMessage());
        }
    }
}
