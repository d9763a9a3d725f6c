package org.leverdesk.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.journal.JournalRow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The app as the composition root wires it: the Journal view reads the store's journal; without a broker there is no Orders view and no "Close all". */
@FxTest
class JournalWindowFxTest {
    private final AppWindow window = new AppWindow();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void journalShowsTheStoresEntriesAndNoTradingWithoutABroker(FxRobot robot) throws Exception {
        AppContext app = window.open(robot, dataDir, null, 1280, 820);
        app.journal().append("APP", null, "store opened", null);
        app.journal().append("DECISION", "lev-trend", "hold TQQQ: regime BULL", "{\"regime\":\"BULL\"}");

        assertTrue(robot.lookup("Orders").tryQuery().isEmpty(), "no broker is wired: no Orders view");
        assertFalse(robot.lookup("#panicButton").query().isVisible(), "no broker: no Close all button");
        robot.clickOn("Journal");
        @SuppressWarnings("unchecked")
        TableView<JournalRow> table = robot.lookup("#journalTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertEquals(List.of("hold TQQQ: regime BULL", "store opened"), table.getItems().stream().map(JournalRow::message).toList());
    }
}
