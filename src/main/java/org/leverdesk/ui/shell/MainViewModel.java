package org.leverdesk.ui.shell;

import org.leverdesk.ui.AppServices;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The main window's status bar: trading mode, data source and store path, as text. */
public final class MainViewModel {
    private final ReadOnlyStringWrapper modeText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper dataSourceText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper storeText = new ReadOnlyStringWrapper();

    private final AppServices services;

    public MainViewModel(AppServices services) {
        this.services = services;
        show(services.mode(), services.dataSourceLabel());
        storeText.set(services.storePath() == null ? "Store: none" : "Store: " + services.storePath());
    }

    /**
     * Re-reads the price source: the first import moves the app from the simulated market to the
     * imported prices, and the status bar must say so at once (it never shows DEMO over real data).
     */
    public void refresh() {
        if (services.prices() == null) {
            return;
        }
        AppServices.Mode mode = services.prices().isSimulated() ? AppServices.Mode.DEMO
                : services.mode() == AppServices.Mode.DEMO ? AppServices.Mode.PAPER : services.mode();
        show(mode, services.prices().sourceLabel());
    }

    private void show(AppServices.Mode mode, String sourceLabel) {
        simulated.set(mode == AppServices.Mode.DEMO);
        modeText.set(switch (mode) {
            case DEMO -> "DEMO · simulated prices";
            case PAPER -> "PAPER";
            case LIVE -> "LIVE";
        });
        dataSourceText.set("Data: " + sourceLabel);
    }

    /** "DEMO · simulated prices", "PAPER" or "LIVE". */
    public ReadOnlyStringProperty modeTextProperty() {
        return modeText.getReadOnlyProperty();
    }

    /** True when prices are simulated: the view shows the mode as a warning. */
    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataSourceTextProperty() {
        return dataSourceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeTextProperty() {
        return storeText.getReadOnlyProperty();
    }

    /** The view titles reachable with Ctrl+1..9, in navigation order (at most nine). */
    public static List<String> numbered(List<String> viewTitles) {
        return viewTitles.subList(0, Math.min(9, viewTitles.size()));
    }

    /** Every keyboard shortcut of the main window, as its menu and Help list them. */
    public static List<Shortcut> shortcuts(List<String> viewTitles) {
        List<Shortcut> out = new ArrayList<>();
        List<String> views = numbered(viewTitles);
        for (int i = 0; i < views.size(); i++) {
            out.add(new Shortcut("Shortcut+" + (i + 1), "Show " + views.get(i)));
        }
        out.add(new Shortcut(RUN_BACKTEST, "Run the backtest in the Backtest view"));
        out.add(new Shortcut(FIND_SYMBOL, "Find a symbol and chart it"));
        out.add(new Shortcut(ORDER_TICKET, "Order ticket for the charted symbol"));
        out.add(new Shortcut(CLOSE_ALL, "Close all: cancel every order and close every position (asks first)"));
        out.add(new Shortcut(TOGGLE_THEME, "Switch between the light and the dark theme"));
        out.add(new Shortcut(SETTINGS, "Settings"));
        out.add(new Shortcut(HELP, "This list of shortcuts"));
        out.add(new Shortcut(QUIT, "Quit Leverdesk"));
        return out;
    }

    static final String RUN_BACKTEST = "Shortcut+R";
    static final String FIND_SYMBOL = "Shortcut+F";
    static final String ORDER_TICKET = "Shortcut+T";
    static final String CLOSE_ALL = "Shortcut+Shift+X";
    static final String TOGGLE_THEME = "Shortcut+Shift+L";
    static final String SETTINGS = "Shortcut+Comma";
    static final String HELP = "F1";
    static final String QUIT = "Shortcut+Q";
}
