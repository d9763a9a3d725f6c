package org.leverdesk.ui.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverdesk.store.JournalEntry;
import org.leverdesk.store.JournalQuery;
import org.leverdesk.ui.CutOffTexts;
import org.leverdesk.ui.FxTest;
import org.leverdesk.ui.Snapshots;
import org.leverdesk.ui.TestTaskExecutor;
import org.leverdesk.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Journal in the room it gets in a 1024×700 window: the filters, their labels and "Clear filters"
 * whole, the time column whole, a long message wrapped (never "…") and shown whole with its details
 * when the row is selected.
 */
@FxTest
class JournalAt1024FxTest {
    /** What the view gets of a 1024×700 window beside the navigation, under the menu and status bars. */
    static final double WIDTH = 845;
    static final double HEIGHT = 630;
    static final String LONG = "2026-12-04: buy 492 TQQQ; all 16 gates pass; STRONG_BULL regime, QQQ above its 250-day average by 12.4%, "
            + "sized on $30,000.00 of the account with a 2% risk budget and a stop at $19.84";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static JournalSource source() {
        List<JournalEntry> entries = List.of(
                new JournalEntry(3, Instant.parse("2026-12-04T20:50:00Z"), "decision", "monthly-rebalance", LONG,
                        "{\"decisionId\":\"2\",\"rebalance\":true,\"targets\":{\"QQQM\":35}}"),
                new JournalEntry(2, Instant.parse("2026-12-04T20:50:01Z"), "position-change", null, "position TQQQ: 0 at the last snapshot, 492 now", null),
                new JournalEntry(1, Instant.parse("2026-12-04T20:49:00Z"), "order", "regime", "ld-regime-v1-20261204-buy-TQQQ buy 492 TQQQ", null));
        return new JournalSource() {
            @Override public List<JournalEntry> find(JournalQuery query) { return entries; }
            @Override public List<String> kinds() { return List.of("decision", "order", "position-change"); }
            @Override public List<String> strategies() { return List.of("monthly-rebalance", "regime"); }
        };
    }

    @Start
    void start(Stage stage) {
        JournalViewModel vm = new JournalViewModel(source(), new TestTaskExecutor(), Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), NEW_YORK));
        Scene scene = new Scene(JournalView.load(vm), WIDTH, HEIGHT);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void resetTheme() {
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    @Test
    void filtersTimesAndLongMessagesAreWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#journalTable").queryAs(TableView.class).getItems().size() == 3);
        Thread.sleep(300);   // the columns are re-measured after the rows arrive
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> CutOffTexts.under(robot.lookup("#journalView").query())).get();
        Snapshots.write(robot.lookup("#journalView").query(), "journal-845x630.png");
        assertEquals(List.of(), cut, "texts cut off at 1024×700");
        // the filter boxes say what they filter, even when nothing is chosen yet
        assertEquals("All strategies", robot.lookup("#strategyBox").queryAs(ComboBox.class).getPromptText());
        assertEquals("All kinds", robot.lookup("#kindBox").queryAs(ComboBox.class).getPromptText());
        // the selected entry's whole message and details
        robot.interact(() -> robot.lookup("#journalTable").queryAs(TableView.class).getSelectionModel().select(0));
        String detail = robot.lookup("#entryDetail").queryAs(TextArea.class).getText();
        assertTrue(detail.contains(LONG) && detail.contains("\"targets\""), detail);
    }
}
