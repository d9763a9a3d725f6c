package org.leverdesk.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.data.DataCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leverdesk import FILE}: validates a daily-bar CSV and stores it, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import daily bars from a CSV file (Yahoo export or date,open,high,low,close,volume,adj_close) into the store.")
public final class ImportCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Symbol to store it under (default: the file name).")
    String symbol;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the Leverdesk store.")
    Path dataDir;

    @Option(names = "--create", description = "Start a new, empty store in --data-dir when it holds none.")
    boolean create;
    @Option(names = "--replace", description = "Replace every stored bar of the symbol with the file's (a whole series on"
            + " one share basis, e.g. after a split); without it the file is merged in.")
    boolean replace;

    @Override
    public Integer call() {
        String sym = symbol != null ? symbol : file.getFileName().toString().replaceFirst("(?i)\\.csv$", "").toUpperCase(Locale.ROOT);
        try (StoreLease lease = StoreLease.open(dataDir, create, null, 0, true)) {
            AppContext app = lease.app();
            DataCatalog.ImportResult r = app.dataCatalog().importCsv(file, sym, replace, ProgressListener.NONE);
            spec.commandLine().getOut().printf(Locale.ROOT, "imported %d bars of %s (%s .. %s) into %s%s%n",
                    r.bars(), r.symbol(), r.first(), r.last(), app.storeLocation(), replace ? ", replacing the stored series" : "");
            return 0;
        }
    }

    @Override
    public Path dataDir() {
        return dataDir == null ? org.leverdesk.store.DataDirectory.resolveDefault() : dataDir;
    }
}
