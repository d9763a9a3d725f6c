package org.leverdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Called from the test migrations in {@code db/pausing-v1} and {@code db/pausing-v2} as an H2 alias:
 * in a child JVM started with {@code -Dleverdesk.test.pauseAt=STAGE -Dleverdesk.test.pausedFile=FILE}
 * it writes FILE when the migration reaches STAGE and then waits to be killed there; everywhere else
 * it returns at once.
 */
public final class MigrationPause {
    private MigrationPause() {
    }

    public static int pause(String stage) throws Exception {
        if (stage.equals(System.getProperty("leverdesk.test.pauseAt"))) {
            Files.writeString(Path.of(System.getProperty("leverdesk.test.pausedFile")), stage);
            Thread.sleep(120_000);
        }
        return 0;
    }
}
