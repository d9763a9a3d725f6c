package org.leverdesk.ui.common.form;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.leverdesk.strategy.catalog.Choice;
import org.leverdesk.strategy.catalog.ParameterKind;
import org.leverdesk.strategy.catalog.ParameterValues;

/**
 * The one form builder: a grid of labelled editors for {@link FieldModel}s — a check box for
 * on/off, a combo box for a choice, a spinner (with a slider for percents) for numbers, a ticker
 * picker, ticker chips for a list — each with its unit, its help, and its own problem in red
 * under it as soon as it is wrong. Labels wrap instead of being cut off.
 */
public final class FormView {
    /** Marks an editor whose value is invalid. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** Marks an editor whose value differs from what was loaded. */
    public static final PseudoClass EDITED = PseudoClass.getPseudoClass("edited");

    private FormView() {
    }

    /** A grid with one row per field (and one under it for its problem). */
    public static GridPane grid(List<FieldModel> fields, FormOptions options) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("parameters", "form-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        // keeps units clear of a scroll pane's vertical bar
        grid.setPadding(new javafx.geometry.Insets(0, options.inlineHelp() ? 4 : 16, 0, 0));
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(80);
        label.setPrefWidth(options.inlineHelp() ? 180 : 120);
        label.setMaxWidth(options.inlineHelp() ? 200 : 160);
        ColumnConstraints editor = new ColumnConstraints();
        editor.setMinWidth(100);
        editor.setPrefWidth(options.inlineHelp() ? 260 : 150);
        editor.setHgrow(options.inlineHelp() ? Priority.NEVER : Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, editor);
        if (options.inlineHelp()) {
            ColumnConstraints help = new ColumnConstraints();
            help.setMinWidth(100);
            help.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(help);
        }
        int row = 0;
        for (FieldModel f : fields) {
            addRow(grid, row, f, options, true);
            row += 2;
        }
        return grid;
    }

    /** Adds {@code f} at {@code row} (its problem at {@code row + 1}) of a grid made by {@link #grid}. */
    public static void addRow(GridPane grid, int row, FieldModel f, FormOptions options) {
        addRow(grid, row, f, options, false);
    }

    /** {@link #addRow(GridPane, int, FieldModel, FormOptions)}; {@code stackChoice}: a choice's box under its label in a narrow form. */
    private static void addRow(GridPane grid, int row, FieldModel f, FormOptions options, boolean stackChoice) {
        Label name = new Label(f.label());
        name.getStyleClass().add("field-label");
        name.setWrapText(true);
        name.setMinWidth(0);
        Tooltip tip = new Tooltip(f.label() + ": " + f.description() + defaultText(f));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        name.setTooltip(tip);
        Node editor = editor(f, options);
        Label problem = new Label();
        problem.setId("problem-" + nodeId(f.key()));
        problem.getStyleClass().addAll("error-message", "field-problem");
        problem.setWrapText(true);
        problem.setMinWidth(0);
        problem.textProperty().bind(f.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        GridPane.setValignment(name, VPos.CENTER);
        grid.add(name, 0, row);
        grid.add(editor, 1, row);
        if (options.inlineHelp()) {
            Label help = new Label(f.description());
            help.getStyleClass().addAll("muted", "field-help");
            help.setWrapText(true);
            help.setMinWidth(0);
            help.setTooltip(tip);
            grid.add(help, 2, row);
            grid.add(problem, 1, row + 1, 2, 1);
        } else if (stackChoice && f.kind() == ParameterKind.CHOICE) {
            // a narrow form cuts a choice's words beside its label ("Limit from …"): the box spans the form under it
            grid.getChildren().removeAll(name, editor);
            javafx.scene.layout.VBox stacked = new javafx.scene.layout.VBox(2, name, editor);
            stacked.setMaxWidth(Double.MAX_VALUE);
            Tooltip.install(editor, tip);
            grid.add(stacked, 0, row, 2, 1);
            grid.add(problem, 0, row + 1, 2, 1);
        } else {
            Tooltip.install(editor, tip);
            grid.add(problem, 0, row + 1, 2, 1);
        }
    }

    /** The editor of {@code f}: its control with the unit beside it; the control gets the id {@code prefix + key}. */
    public static Node editor(FieldModel f, FormOptions options) {
        String id = options.idPrefix() + nodeId(f.key());
        Control input;
        Node shown;
        switch (f.kind()) {
            case ON_OFF -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.valueProperty().get()));
                box.selectedProperty().addListener((obs, old, now) -> f.valueProperty().set(Boolean.toString(now)));
                f.valueProperty().addListener((obs, old, now) -> box.setSelected(Boolean.parseBoolean(now)));
                input = box;
                shown = box;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.spec().choices().stream().map(Choice::value).toList());
                StringConverter<String> labels = new StringConverter<>() {
                    @Override
                    public String toString(String value) {
                        return value == null ? "" : ParameterValues.choiceLabel(f.spec(), value);
                    }

                    @Override
                    public String fromString(String text) {
                        return text;
                    }
                };
                box.setConverter(labels);
                box.setButtonCell(new ListCell<>() {
                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty || item == null ? "" : labels.toString(item));
                    }
                });
                box.valueProperty().bindBidirectional(f.valueProperty());
                box.setMaxWidth(Double.MAX_VALUE);
                input = box;
                shown = box;
            }
            case NUMBER, MONEY, PERCENT -> {
                StepField step = new StepField(f.valueProperty(), f.spec().range());
                input = step.textField();
                HBox row = new HBox(4);
                row.setAlignment(Pos.CENTER_LEFT);
                if (f.kind() == ParameterKind.MONEY) {
                    row.getChildren().add(unit("$"));
                }
                row.getChildren().add(step);
                HBox.setHgrow(step, Priority.ALWAYS);
                if (f.kind() == ParameterKind.PERCENT) {
                    row.getChildren().add(unit("%"));
                } else if (!f.spec().unit().isEmpty() && f.kind() == ParameterKind.NUMBER) {
                    row.getChildren().add(unit(f.spec().unit()));
                }
                if (options.sliders() && !options.numberSliders() && f.kind() == ParameterKind.PERCENT && f.spec().range().bounded()
                        && f.spec().range().max() - f.spec().range().min() <= 100) {
                    NumberSlider slider = new NumberSlider(f.valueProperty(), f.spec().range());
                    slider.setId(id + "-slider");
                    slider.setPrefWidth(90);
                    slider.setMinWidth(50);
                    row.getChildren().add(slider);
                }
                row.setId(id + "-box");
                shown = row;
                if (options.numberSliders() && spannable(f.spec().range())) {
                    // under the field, the editor column's whole width: a narrow panel has no room beside it
                    NumberSlider slider = new NumberSlider(f.valueProperty(), f.spec().range());
                    slider.setId(id + "-slider");
                    slider.setMaxWidth(Double.MAX_VALUE);
                    slider.setMinWidth(60);
                    shown = new javafx.scene.layout.VBox(2, row, slider);
                }
            }
            case TICKER -> {
                TickerPicker picker = new TickerPicker(f.valueProperty(), options.knownTickers());
                input = picker;
                shown = picker;
            }
            case TICKER_LIST -> {
                TickerListEditor list = new TickerListEditor(f.valueProperty(), options.knownTickers());
                input = list.picker();
                list.setId(id);
                input.setId(id + "-add");
                shown = list;
            }
            case SECRET -> {
                PasswordField field = new PasswordField();
                field.textProperty().bindBidirectional(f.valueProperty());
                field.promptTextProperty().bind(f.promptProperty());
                input = field;
                shown = field;
            }
            default -> {
                TextField field = new TextField();
                field.textProperty().bindBidirectional(f.valueProperty());
                field.promptTextProperty().bind(f.promptProperty());
                input = field;
                shown = field;
            }
        }
        if (input.getId() == null) {
            input.setId(id);
        }
        input.setMaxWidth(Double.MAX_VALUE);
        input.pseudoClassStateChanged(INVALID, !f.problemProperty().get().isEmpty());
        f.problemProperty().addListener((obs, old, now) -> input.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        input.pseudoClassStateChanged(EDITED, f.changedProperty().get());
        f.changedProperty().addListener((obs, old, now) -> input.pseudoClassStateChanged(EDITED, now));
        return shown;
    }

    /** A range a slider can span: both ends finite and not too many steps between them. */
    static boolean spannable(org.leverdesk.strategy.catalog.NumberRange range) {
        return range.bounded() && (range.max() - range.min()) / range.step() <= FormOptions.MAX_SLIDER_STEPS;
    }

    /** The node id part for a key or title: letters and digits, the rest as '-'. */
    public static String nodeId(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Label unit(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-unit");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static String defaultText(FieldModel f) {
        return switch (f.kind()) {
            case SECRET, TEXT -> "";
            case ON_OFF -> " (default " + (Boolean.parseBoolean(f.spec().defaultValue()) ? "on" : "off") + ")";
            case CHOICE -> " (default " + ParameterValues.choiceLabel(f.spec(), f.spec().defaultValue()) + ")";
            case PERCENT -> " (default " + ParameterValues.display(f.spec(), f.spec().defaultValue()) + "%)";
            case MONEY -> " (default $" + ParameterValues.display(f.spec(), f.spec().defaultValue()) + ")";
            default -> " (default " + ParameterValues.display(f.spec(), f.spec().defaultValue())
                    + (f.spec().unit().isEmpty() ? "" : " " + f.spec().unit()) + ")";
        };
    }
}
