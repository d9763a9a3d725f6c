package org.leverdesk.ui.shell;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The main window's menu bar: File, View (every view on Ctrl+1..9, the theme), Trading (find a
 * symbol, order ticket, Close all), Backtest (run), Help (the shortcuts, About). Its accelerators are
 * the shortcuts {@link MainViewModel#shortcuts} lists, so menu and Help never disagree.
 */
final class MainMenu {
    /** What the menu acts on. */
    interface Actions {
        void show(String viewTitle);

        /** Shows the view, then presses (or focuses) the node {@code selector} in it. */
        void fire(String viewTitle, String selector);

        void closeAll();

        boolean canCloseAll();

        /** Null when the window has no themes. */
        ThemeManager themes();

        Window window();
    }

    private MainMenu() {
    }

    static void build(MenuBar bar, List<NavItem> items, Actions actions) {
        List<String> titles = items.stream().map(NavItem::title).toList();
        Menu file = new Menu("_File");
        if (titles.contains("Data")) {
            file.getItems().add(item("Import prices…", null, () -> actions.fire("Data", "#chooseButton")));
        }
        if (titles.contains("Settings")) {
            file.getItems().add(item("Settings", MainViewModel.SETTINGS, () -> actions.show("Settings")));
        }
        file.getItems().addAll(new SeparatorMenuItem(), item("Quit", MainViewModel.QUIT, () -> {
            Window w = actions.window();
            if (w != null) {
                w.hide();
            }
        }));

        Menu view = new Menu("_View");
        List<String> numbered = MainViewModel.numbered(titles);
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            MenuItem m = item(title, i < numbered.size() ? "Shortcut+" + (i + 1) : null, () -> actions.show(title));
            m.setId("menu-view-" + title.replaceAll("[^A-Za-z0-9]+", "-"));
            view.getItems().add(m);
        }
        ThemeManager themes = actions.themes();
        if (themes != null) {
            Menu theme = new Menu("Theme");
            ToggleGroup group = new ToggleGroup();
            for (Theme t : Theme.values()) {
                RadioMenuItem r = new RadioMenuItem(t.label());
                r.setToggleGroup(group);
                r.setSelected(themes.theme() == t);
                r.setOnAction(e -> themes.apply(t.id()));
                theme.getItems().add(r);
            }
            MenuItem toggle = item("Switch light / dark", MainViewModel.TOGGLE_THEME, () -> {
                Theme next = themes.theme().dark() ? Theme.PRIMER_LIGHT : Theme.PRIMER_DARK;
                themes.apply(next.id());
                group.getToggles().forEach(tg -> ((RadioMenuItem) tg).setSelected(((RadioMenuItem) tg).getText().equals(next.label())));
            });
            theme.setOnShowing(e -> group.getToggles().forEach(tg ->
                    ((RadioMenuItem) tg).setSelected(((RadioMenuItem) tg).getText().equals(themes.theme().label()))));
            view.getItems().addAll(new SeparatorMenuItem(), theme, toggle);
        }

        Menu trading = new Menu("_Trading");
        if (titles.contains("Chart")) {
            trading.getItems().addAll(item("Find symbol…", MainViewModel.FIND_SYMBOL, () -> actions.fire("Chart", "#symbolSearch")),
                    item("Order ticket…", MainViewModel.ORDER_TICKET, () -> actions.fire("Chart", "#ticketButton")));
        }
        MenuItem closeAll = item("Close all…", MainViewModel.CLOSE_ALL, actions::closeAll);
        closeAll.setId("menu-close-all");
        closeAll.setDisable(!actions.canCloseAll());
        trading.getItems().add(closeAll);

        Menu backtest = new Menu("_Backtest");
        backtest.getItems().add(item("Run backtest", MainViewModel.RUN_BACKTEST, () -> actions.fire("Backtest", "#runButton")));

        Menu help = new Menu("_Help");
        MenuItem keys = item("Keyboard shortcuts", MainViewModel.HELP, () -> showShortcuts(titles, actions.window()));
        keys.setId("menu-shortcuts");
        help.getItems().addAll(keys, item("About Leverdesk", null, () -> about(actions.window())));
        bar.getMenus().setAll(file, view, trading, backtest, help);
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The Help dialog: every shortcut with its keys. */
    static void showShortcuts(List<String> titles, Window owner) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-table");
        grid.setId("shortcutTable");
        grid.setHgap(18);
        grid.setVgap(5);
        int row = 0;
        for (Shortcut s : MainViewModel.shortcuts(titles)) {
            Label keys = new Label(s.display());
            keys.getStyleClass().add("key");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        Alert dialog = new Alert(Alert.AlertType.INFORMATION);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    private static void about(Window owner) {
        Alert dialog = new Alert(Alert.AlertType.INFORMATION, "A desktop trading workstation for systematic strategies on "
                + "Nasdaq-100 ETFs: research, backtests, paper and live trading with one engine. MIT licence.");
        dialog.setTitle("About Leverdesk");
        dialog.setHeaderText("Leverdesk");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }
}
