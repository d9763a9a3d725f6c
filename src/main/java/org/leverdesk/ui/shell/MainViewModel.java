package org.leverdesk.ui.shell;

import org.leverdesk.ui.AppServices;

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
}
