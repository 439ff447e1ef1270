package dev.pilothouse.plugins.clusters.events;

import dev.pilothouse.plugins.clusters.kinds.EventRow;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static dev.pilothouse.plugins.clusters.events.EventGroupTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/** "Group by object" shows one line per involved object, warnings first, with its events under it. */
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {

    private final ObservableList<EventRow> events = FXCollections.observableArrayList(
            event("1", false, "Scheduled", "Pod", "ml", "quiet", 1, 9),
            event("2", false, "Pulled", "Pod", "ml", "trainer", 1, 1),
            event("3", true, "BackOff", "Pod", "ml", "trainer", 12, 5),
            event("4", true, "NodeNotReady", "Node", "", "gpu-1", 1, 2));
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private EventsView view;

    @Start
    void start(Stage stage) {
        view = new EventsView(context());
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1200, 600));
        stage.show();
        view.activate();
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<EventLine> tree(FxRobot robot) {
        return robot.lookup("#events-tree").queryAs(TreeTableView.class);
    }

    /** Each top-level line as "key: children's reasons", in order. */
    private List<String> groups(FxRobot robot) {
        return fx(() -> tree(robot).getRoot().getChildren().stream().map(this::describe).toList());
    }

    private String describe(TreeItem<EventLine> item) {
        EventGroup g = ((EventLine.Group) item.getValue()).group();
        return g.key() + " " + (g.warning() ? "Warning" : "Normal") + " x" + g.occurrences() + " latest "
                + g.latest().reason() + ": " + item.getChildren().stream()
                .map(c -> ((EventLine.Event) c.getValue()).row().reason()).toList()
                + (item.isExpanded() ? " open" : " closed");
    }

    @Test
    void altGGroupsEventsByObjectWithWarningsFirstAndIsRemembered(FxRobot robot) {
        assertThat(robot.lookup("#events-tree").tryQuery()).as("a table until asked").isEmpty();

        robot.clickOn("#events-table"); // keys go to the focused window
        robot.press(KeyCode.ALT, KeyCode.G).release(KeyCode.G, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(groups(robot)).as("a single event is its group's line, without a child repeating it")
                .containsExactly(
                        "Pod/ml/trainer Warning x13 latest BackOff: [BackOff, Pulled] open",
                        "Node//gpu-1 Warning x1 latest NodeNotReady: [] closed",
                        "Pod/ml/quiet Normal x1 latest Scheduled: [] closed");
        assertThat(settings).containsEntry(EventsView.GROUP_SETTING, "true");
        assertThat(fx(() -> new EventsView(context()).node().lookup("#events-tree"))).as("a new view starts grouped")
                .isNotNull();
    }

    @Test
    void groupsFollowNewEventsAndTheFilterAndKeepWhatTheUserCollapsed(FxRobot robot) {
        robot.clickOn("#events-group-by-object");
        fx(() -> {
            tree(robot).getRoot().getChildren().getFirst().setExpanded(false); // the user closes the trainer
            events.add(event("5", true, "OOMKilled", "Pod", "ml", "quiet", 2, 20));
            return null;
        });

        assertThat(groups(robot)).containsExactly(
                "Pod/ml/quiet Warning x3 latest OOMKilled: [OOMKilled, Scheduled] open",
                "Pod/ml/trainer Warning x13 latest BackOff: [BackOff, Pulled] closed",
                "Node//gpu-1 Warning x1 latest NodeNotReady: [] closed");

        robot.clickOn("#events-search").write("trainer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(groups(robot)).containsExactly("Pod/ml/trainer Warning x13 latest BackOff: [BackOff, Pulled] closed");
    }

    /** The least the view needs: one cluster, all namespaces, these events, settings in memory. */
    private ViewContext context() {
        Settings store = (Settings) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Settings.class},
                (p, m, a) -> switch (m.getName()) {
                    case "get" -> a.length == 1 ? Optional.ofNullable(settings.get((String) a[0]))
                            : settings.getOrDefault((String) a[0], (String) a[1]);
                    case "getBoolean" -> Boolean.parseBoolean(settings.getOrDefault((String) a[0], String.valueOf(a[1])));
                    case "put" -> {
                        settings.put((String) a[0], (String) a[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        LiveRows<EventRow> live = new LiveRows<>() {
            @Override
            public ObservableList<EventRow> rows() {
                return events;
            }

            @Override
            public ReadOnlyObjectProperty<WatchStatus> status() {
                return new ReadOnlyObjectWrapper<>(new WatchStatus(WatchState.SYNCED, Instant.now(), ""))
                        .getReadOnlyProperty();
            }

            @Override
            public void close() {
            }
        };
        ReadOnlyStringWrapper cluster = new ReadOnlyStringWrapper("demo");
        ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper("");
        ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(true);
        return (ViewContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ViewContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "activeCluster" -> cluster.getReadOnlyProperty();
                    case "namespace" -> namespace.getReadOnlyProperty();
                    case "readOnly" -> readOnly.getReadOnlyProperty();
                    case "settings" -> store;
                    case "liveRows" -> live;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> "test context";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

}
