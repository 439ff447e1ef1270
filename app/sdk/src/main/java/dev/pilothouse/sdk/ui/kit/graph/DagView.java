package dev.pilothouse.sdk.ui.kit.graph;

import dev.pilothouse.sdk.health.HealthState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;
import java.util.function.Consumer;

/**
 * A directed graph drawn on a canvas: workflow steps of a pipeline run, agents and the tool servers they use. Boxes
 * are coloured by their {@link dev.pilothouse.sdk.health.HealthState}'s tone (colours from the theme's
 * {@code -ph-dag-*} CSS properties), with a label and a detail line; layout is {@link DagLayout}, left to right.
 *
 * <p>Mouse: drag pans, the wheel scrolls, Ctrl+wheel (or a pinch) zooms at the pointer, a click selects, a double
 * click opens. Keyboard, with the view focused: Right and Left follow edges, Up and Down move within a column,
 * Enter opens the selected node (calls {@link #onOpenProperty()} with its id), {@code +} and {@code -} zoom,
 * {@code 0} fits the graph to the view, Escape clears the selection.
 *
 * <p>Layout and drawing happen at most once per pulse, in the layout pass, and only after something changed. A new
 * model with the same node ids (a live run whose states moved on) keeps the selection, zoom and pan; a model with
 * other nodes fits the view again when {@linkplain #setAutoFit auto-fit} is on (the default). Use on the FX thread.
 */
public class DagView extends Region {

    /** The style class of every graph view. */
    public static final String STYLE_CLASS = "ph-dag-view";
    /** What the view says when the model has no nodes, unless {@link #emptyTextProperty()} says otherwise. */
    public static final String EMPTY = "Nothing to show";

    static final double MIN_SCALE = 0.05;
    static final double MAX_SCALE = 4;
    private static final double ZOOM_STEP = 1.25;
    private static final double FIT_MARGIN = 16;

    /** The two fonts of a box: bold label, smaller detail. */
    record Fonts(Font label, Font detail) {
    }

    private final DagStyle style = new DagStyle(this, this::redraw);
    private final Canvas canvas = new Canvas();
    private final Label message = new Label();
    private final ObjectProperty<DagModel> model = new SimpleObjectProperty<>(this, "model", DagModel.empty());
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<Consumer<String>> onOpen = new SimpleObjectProperty<>(this, "onOpen");
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", EMPTY);
    private final ReadOnlyObjectWrapper<ViewTransform> transform =
            new ReadOnlyObjectWrapper<>(this, "viewTransform", ViewTransform.IDENTITY);
    private final DagKeys keys = new DagKeys(this);
    private final LabelElider labels = new LabelElider();
    private final LabelElider details = new LabelElider();
    private final Fonts fonts = new Fonts(
            Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()),
            Font.font(Font.getDefault().getFamily(), Math.round(Font.getDefault().getSize() * 0.9)));

    private DagLayout layout;
    private List<String> laidOutIds = List.of();
    private boolean layoutDirty = true;
    private boolean drawDirty = true;
    private boolean fitPending = true;
    private boolean autoFit = true;
    private long drawCount;
    private long layoutCount;
    private double pressX;
    private double pressY;
    private boolean panning;

    public DagView() {
        getStyleClass().add(STYLE_CLASS);
        setAccessibleRole(AccessibleRole.NODE);
        setFocusTraversable(true);
        message.getStyleClass().add("ph-dag-message");
        message.setWrapText(true);
        message.setMouseTransparent(true);
        getChildren().addAll(canvas, message);
        model.addListener((obs, old, now) -> modelChanged(now));
        emptyText.addListener(ignored -> updateMessage());
        selectedNode.addListener(ignored -> {
            updateAccessibleText();
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> stopPanning());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> zoomAt(scale() * e.getZoomFactor(), e.getX(), e.getY()));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (keys.handle(e.getCode())) {
                e.consume();
            }
        });
        updateMessage();
    }

    // ---- model and selection ----

    /** The graph shown; never null (an empty model shows the empty text). */
    public ObjectProperty<DagModel> modelProperty() {
        return model;
    }

    public DagModel getModel() {
        return model.get();
    }

    /** Shows this graph; null shows the empty state. */
    public void setModel(DagModel newModel) {
        model.set(newModel == null ? DagModel.empty() : newModel);
    }

    /** The id of the selected node, or null. Setting an id the model lacks selects nothing visible. */
    public ObjectProperty<String> selectedNodeProperty() {
        return selectedNode;
    }

    public String getSelectedNode() {
        return selectedNode.get();
    }

    public void setSelectedNode(String id) {
        selectedNode.set(id);
    }

    /** Called with a node's id when the user opens it (Enter, or a double click): a pipeline view opens its logs. */
    public ObjectProperty<Consumer<String>> onOpenProperty() {
        return onOpen;
    }

    public void setOnOpen(Consumer<String> handler) {
        onOpen.set(handler);
    }

    /** The text shown when there are no nodes ({@value #EMPTY} by default). */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** The text shown instead of a graph, or "" when a graph is shown. */
    public String getStateMessage() {
        return message.isVisible() ? message.getText() : "";
    }

    // ---- zoom and pan ----

    /** How layout coordinates map to the drawing area's (zoom and pan; the area starts inside the padding). */
    public ReadOnlyObjectProperty<ViewTransform> viewTransformProperty() {
        return transform.getReadOnlyProperty();
    }

    public ViewTransform getViewTransform() {
        return transform.get();
    }

    /** Whether a model with other nodes than the last fits the view (on by default; off keeps 100 %). */
    public void setAutoFit(boolean on) {
        autoFit = on;
    }

    /** Scales and centres the graph to fit the view (never above 100 %); done in the next layout pass. */
    public void fitToView() {
        fitPending = true;
        requestLayout();
    }

    public void zoomIn() {
        zoomAt(scale() * ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(scale() / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms to {@code scale} (clamped to 5 %..400 %) around the view point (x, y). */
    public void zoomAt(double scale, double x, double y) {
        setTransform(getViewTransform().zoomedAt(Math.clamp(scale, MIN_SCALE, MAX_SCALE), x, y));
    }

    /** Moves the view's content by (dx, dy) view pixels. */
    public void pan(double dx, double dy) {
        setTransform(getViewTransform().panned(dx, dy));
    }

    // ---- geometry, for tests and tools ----

    /** Where a node's box is, in this view's coordinates, or null when the node is unknown or not laid out yet. */
    public Bounds nodeBounds(String id) {
        int i = layout == null ? -1 : layout.model().indexOf(id);
        if (i < 0) {
            return null;
        }
        ViewTransform t = getViewTransform();
        LayoutSpacing sp = layout.spacing();
        return new BoundingBox(canvas.getLayoutX() + t.toViewX(layout.x(i)),
                canvas.getLayoutY() + t.toViewY(layout.y(i)), sp.nodeWidth() * t.scale(),
                sp.nodeHeight() * t.scale());
    }

    /** The node under a point of this view, or null. */
    public String nodeAt(double x, double y) {
        if (layout == null) {
            return null;
        }
        ViewTransform t = getViewTransform();
        int i = layout.nodeAt(t.toLayoutX(x - canvas.getLayoutX()), t.toLayoutY(y - canvas.getLayoutY()));
        return i < 0 ? null : layout.model().nodes().get(i).id();
    }

    /** The current layout, or null before the first layout pass. */
    public DagLayout getLayout() {
        return layout;
    }

    /** How often the graph was drawn: tests and benchmarks check that changes are coalesced. */
    public long getDrawCount() {
        return drawCount;
    }

    /** How often the graph was laid out. */
    public long getLayoutCount() {
        return layoutCount;
    }

    // ---- CSS ----

    /** The colour boxes in this state are drawn with in the current theme, for a legend or anything matching. */
    public Paint stateColor(HealthState state) {
        return style.stroke(state.tone());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return DagStyle.META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    DagStyle style() {
        return style;
    }

    // ---- internals ----

    int selectedIndex() {
        return layout == null || selectedNode.get() == null ? -1 : layout.model().indexOf(selectedNode.get());
    }

    void open(String id) {
        Consumer<String> handler = onOpen.get();
        if (id != null && handler != null) {
            handler.accept(id);
        }
    }

    /** Selects a node and scrolls it into view, as keyboard moves do. */
    void selectAndReveal(String id) {
        selectedNode.set(id);
        Bounds b = nodeBounds(id);
        if (b == null) {
            return;
        }
        double dx = b.getMinX() < FIT_MARGIN ? FIT_MARGIN - b.getMinX()
                : b.getMaxX() > getWidth() - FIT_MARGIN ? getWidth() - FIT_MARGIN - b.getMaxX() : 0;
        double dy = b.getMinY() < FIT_MARGIN ? FIT_MARGIN - b.getMinY()
                : b.getMaxY() > getHeight() - FIT_MARGIN ? getHeight() - FIT_MARGIN - b.getMaxY() : 0;
        if (dx != 0 || dy != 0) {
            pan(dx, dy);
        }
    }

    private double scale() {
        return getViewTransform().scale();
    }

    private void setTransform(ViewTransform t) {
        if (!t.equals(transform.get())) {
            transform.set(t);
            fitPending = false;
            redraw();
        }
    }

    private void modelChanged(DagModel now) {
        List<String> ids = now.nodes().stream().map(GraphNode::id).toList();
        if (!ids.equals(laidOutIds)) {
            fitPending |= autoFit;
            labels.clear();
            details.clear();
        }
        laidOutIds = ids;
        if (selectedNode.get() != null && now.node(selectedNode.get()) == null) {
            selectedNode.set(null);
        }
        layoutDirty = true;
        updateMessage();
        updateAccessibleText();
        redraw();
    }

    /** Something drawn changed: draw again in the next layout pass, once however many changes came first. */
    private void redraw() {
        drawDirty = true;
        requestLayout();
    }

    private void updateMessage() {
        boolean empty = model.get().isEmpty();
        message.setText(empty ? emptyText.get() : "");
        message.setVisible(empty);
    }

    private void updateAccessibleText() {
        DagModel m = model.get();
        GraphNode selected = selectedNode.get() == null ? null : m.node(selectedNode.get());
        setAccessibleText("Graph, " + m.size() + " nodes" + (selected == null ? ""
                : ", selected " + selected.label() + ", " + selected.state().label()));
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = Math.max(0, snapSizeX(getWidth() - x - snappedRightInset()));
        double h = Math.max(0, snapSizeY(getHeight() - y - snappedBottomInset()));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            drawDirty = true;
        }
        canvas.relocate(x, y);
        if (layoutDirty) {
            layout = DagLayout.of(model.get());
            layoutCount++;
            layoutDirty = false;
            drawDirty = true;
        }
        if (fitPending && w > 0 && h > 0 && layout != null) {
            fit(w, h);
        }
        if (drawDirty) {
            DagPainter.draw(canvas.getGraphicsContext2D(), new DagPainter.Frame(w, h, layout, getViewTransform(),
                    selectedIndex(), style, fonts, labels, details));
            drawCount++;
            drawDirty = false;
        }
        double mw = Math.max(0, Math.min(w - 24, Math.min(520, message.prefWidth(-1))));
        double mh = Math.min(h, message.prefHeight(mw));
        message.resizeRelocate(snapPositionX(x + (w - mw) / 2), snapPositionY(y + (h - mh) / 2), mw, mh);
    }

    private void fit(double w, double h) {
        fitPending = false;
        if (layout.model().isEmpty()) {
            transform.set(ViewTransform.IDENTITY);
            return;
        }
        double s = Math.min(1, Math.min((w - 2 * FIT_MARGIN) / layout.width(), (h - 2 * FIT_MARGIN) / layout.height()));
        s = Math.clamp(s, MIN_SCALE, MAX_SCALE);
        transform.set(new ViewTransform(s, (w - layout.width() * s) / 2, (h - layout.height() * s) / 2));
        drawDirty = true;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.MIDDLE) {
            return;
        }
        panning = true;
        canvas.setCursor(Cursor.MOVE);
        pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
    }

    private void stopPanning() {
        panning = false;
        canvas.setCursor(null);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || panning) {
            return;
        }
        String id = nodeAt(e.getX() + canvas.getLayoutX(), e.getY() + canvas.getLayoutY());
        selectedNode.set(id);
        if (id != null && e.getClickCount() == 2) {
            open(id);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            zoomAt(scale() * Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
        } else {
            pan(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + 640 + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + 400 + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + 120 + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + 80 + snappedBottomInset();
    }

    /** The id of node {@code i} of the current layout. */
    String idAt(int i) {
        return layout.model().nodes().get(i).id();
    }
}
