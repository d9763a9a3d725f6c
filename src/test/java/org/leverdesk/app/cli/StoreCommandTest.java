package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.store.Store;

/** {@code leverdesk store check|backup|restore} as a person types them. */
class StoreCommandTest {
    @TempDir
    Path dir;

    private List<String> out(CliRun cli) {
        return cli.out.toString().lines().toList();
    }

    @Test
    void checkBackupAndRestoreFromTheCommandLine() throws Exception {
        Path data = dir.resolve("data");
        CliRun none = new CliRun();
        assertEquals(0, none.run("store", "check", "--data-dir", data.toString()));
        assertEquals(List.of("store: none yet at " + data.resolve("leverdesk.mv.db") + " (it is made at the first start)",
                "last backup: none yet (in " + data.resolve("backups") + ")",
                "backups: 0 in " + data.resolve("backups") + ", 0 bytes; the newest 10 are kept, one taken every 24 h while"
                        + " Leverdesk runs"), out(none));

        Store.open(data).close();
        CliRun backup = new CliRun();
        assertEquals(0, backup.run("store", "backup", "--data-dir", data.toString()));
        String line = out(backup).get(0);
        assertTrue(line.matches("backed up to " + java.util.regex.Pattern.quote(data.resolve("backups").toString())
                + "/leverdesk-\\d{8}T\\d{6}Z-manual\\.zip \\(\\d+\\.\\d KB\\)"), line);

        CliRun check = new CliRun();
        assertEquals(0, check.run("store", "check", "--data-dir", data.toString()));
        List<String> lines = out(check);
        assertTrue(lines.get(0).startsWith("store: " + data.resolve("leverdesk.mv.db") + ", "), lines.get(0));
        assertTrue(lines.get(1).matches("schema: version \\d+ \\(\\d+ migrations applied\\), up to date"), lines.get(1));
        assertTrue(lines.get(2).matches("integrity: OK, read \\d+ rows in \\d+ tables and \\d+ indexes"), lines.get(2));
        assertTrue(lines.get(3).matches("last backup: leverdesk-\\d{8}T\\d{6}Z-manual\\.zip, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"
                + " \\(\\d+ min ago\\)"), lines.get(3));
        assertTrue(lines.get(4).startsWith("backups: 1 in " + data.resolve("backups")), lines.get(4));
        assertEquals(6, lines.size(), lines.toString());

        CliRun restore = new CliRun();
        assertEquals(0, restore.run("store", "restore", "--data-dir", data.toString()));
        lines = out(restore);
        assertTrue(lines.get(0).matches("restored .*-manual\\.zip \\(schema version \\d+\\)"), lines.get(0));
        assertTrue(lines.get(1).matches("the store it replaced is kept as .*-before-restore\\.zip"), lines.get(1));
    }

    @Test
    void restoreWhileTheStoreIsOpenIsOneLineAndExitCode2() {
        Path data = dir.resolve("data");
        Store.open(data).close();
        new CliRun().run("store", "backup", "--data-dir", data.toString());
        try (Store open = Store.open(data)) {
            CliRun cli = new CliRun();
            assertEquals(2, cli.run("store", "restore", "--data-dir", data.toString()));
            assertEquals(List.of("error: the Leverdesk store at " + data + " is in use by another Leverdesk process; stop it"
                    + " (close the window, stop the daemon) before you restore it"), cli.err.toString().lines().toList());
        }
    }

    @Test
    void checkOfADamagedStoreExitsWith1AndSaysWhatToDo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("leverdesk.mv.db"), new byte[40_000]);
        CliRun cli = new CliRun();
        assertEquals(1, cli.run("store", "check", "--data-dir", data.toString()));
        String problem = out(cli).get(1);
        assertTrue(problem.startsWith("problem: cannot open the Leverdesk store " + data.resolve("leverdesk.mv.db")), problem);
        assertTrue(problem.endsWith("if it is damaged, move it aside (no backup of it exists in " + data.resolve("backups")
                + ") or pass a different --data-dir"), problem);
    }
}
