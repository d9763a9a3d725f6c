package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk journal}: the Journal view without a window. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = {"Print the newest journal entries, oldest first, one per line: 'YYYY-MM-DD HH:MM:SS ET kind",
                "[strategy] message'. Every decision, order, denial, emergency step, trading-state change, job and",
                "notification is there. While the daemon or the window runs, this is answered by it."})
public final class JournalCommand implements Callable<Integer>, ForwardedCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'ET'")
            .withZone(ZoneId.of("America/New_York"));

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind (e.g. emergency, trading-state, order, job).")
    String kind;

    @Option(names = "--strategy", paramLabel = "S", description = "Only entries of strategy S.")
    String strategy;

    @Option(names = "--text", paramLabel = "TEXT", description = "Only entries whose message contains TEXT (any case).")
    String text;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many entries (default 50).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > JournalQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be 1 to " + JournalQuery.MAX_LIMIT + " (got " + limit + ")");
        }
        List<JournalEntry> entries;
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            entries = lease.app().journal().find(new JournalQuery(strategy, kind, null, null, text, null, limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (entries.isEmpty()) {
            out.println("no journal entries" + (kind == null && strategy == null && text == null ? "" : " match"));
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            out.println(TIME.format(e.at()) + " " + e.kind() + (e.strategyId() == null ? "" : " [" + e.strategyId() + "]") + " "
                    + e.message());
        }
        out.flush();
        return 0;
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }
}
