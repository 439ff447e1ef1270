package dev.pilothouse.sdk.kube;

import dev.pilothouse.sdk.health.Health;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How Pilothouse shows one Kubernetes resource type: its identity, the projection of an object to a slim row, the
 * table columns and the health function. Projection and health must be pure functions: no I/O, no clocks
 * (ages are computed at render time from timestamps kept in the row).
 *
 * @param <R> the row type
 */
public final class ResourceKind<R extends Row> {

    private final GroupVersionKind gvk;
    private final boolean namespaced;
    private final List<String> aliases;
    private final Function<KubeObject, R> projection;
    private final List<Column<R>> columns;
    private final Function<R, Health> health;
    private final String displayName;
    private final String homeView;
    private final String fleetCategory;

    private ResourceKind(Builder<R> b) {
        this.gvk = b.gvk;
        this.namespaced = b.namespaced;
        this.aliases = List.copyOf(b.aliases);
        this.projection = b.projection;
        this.columns = List.copyOf(b.columns);
        this.health = b.health;
        this.displayName = b.displayName != null ? b.displayName : b.gvk.kind();
        this.homeView = b.homeView;
        this.fleetCategory = b.fleetCategory;
    }

    /** Starts a kind with its identity and projection. */
    public static <R extends Row> Builder<R> builder(GroupVersionKind gvk, Function<KubeObject, R> projection) {
        return new Builder<>(gvk, projection);
    }

    public GroupVersionKind gvk() {
        return gvk;
    }

    public boolean namespaced() {
        return namespaced;
    }

    /** Short names and other names the command palette and the headless CLI accept (e.g. {@code po}, {@code deploy}). */
    public List<String> aliases() {
        return aliases;
    }

    /** The name shown to users, such as {@code Pod} or {@code InferenceService}. */
    public String displayName() {
        return displayName;
    }

    /** Projects a full object to its row. */
    public R project(KubeObject object) {
        return projection.apply(object);
    }

    public List<Column<R>> columns() {
        return columns;
    }

    /** The health of a row. */
    public Health health(R row) {
        return health.apply(row);
    }

    /**
     * The view that shows objects of this kind best (a pipeline run opens in {@code pipelines}), or empty for the
     * detail pane. The shell opens objects found in the command palette or named on the command line there,
     * through {@link dev.pilothouse.sdk.ui.View#reveal}.
     */
    public java.util.Optional<String> homeView() {
        return java.util.Optional.ofNullable(homeView);
    }

    /**
     * The fleet overview's category for this kind ({@code Pipelines}, {@code Models}), or empty: the overview counts
     * the unhealthy objects of each category per cluster.
     */
    public java.util.Optional<String> fleetCategory() {
        return java.util.Optional.ofNullable(fleetCategory);
    }

    /** Whether {@code name} names this kind: its kind, plural, qualified plural or an alias, case-insensitively. */
    public boolean isNamed(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals(gvk.kind().toLowerCase(java.util.Locale.ROOT)) || n.equals(gvk.plural())
                || n.equals(gvk.qualifiedPlural()) || aliases.contains(n);
    }

    /**
     * Builds a {@link ResourceKind}.
     *
     * @param <R> the row type
     */
    public static final class Builder<R extends Row> {
        private final GroupVersionKind gvk;
        private final Function<KubeObject, R> projection;
        private boolean namespaced = true;
        private final List<String> aliases = new ArrayList<>();
        private final List<Column<R>> columns = new ArrayList<>();
        private Function<R, Health> health = r -> Health.UNKNOWN_HEALTH;
        private String displayName;
        private String homeView;
        private String fleetCategory;

        private Builder(GroupVersionKind gvk, Function<KubeObject, R> projection) {
            this.gvk = Objects.requireNonNull(gvk, "gvk");
            this.projection = Objects.requireNonNull(projection, "projection");
        }

        public Builder<R> clusterScoped() {
            this.namespaced = false;
            return this;
        }

        public Builder<R> aliases(String... names) {
            for (String n : names) {
                aliases.add(n.toLowerCase(java.util.Locale.ROOT));
            }
            return this;
        }

        public Builder<R> column(Column<R> column) {
            columns.add(column);
            return this;
        }

        public Builder<R> health(Function<R, Health> health) {
            this.health = Objects.requireNonNull(health);
            return this;
        }

        public Builder<R> displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** See {@link ResourceKind#homeView()}. */
        public Builder<R> homeView(String viewId) {
            this.homeView = viewId;
            return this;
        }

        /** See {@link ResourceKind#fleetCategory()}. */
        public Builder<R> fleetCategory(String category) {
            this.fleetCategory = category;
            return this;
        }

        public ResourceKind<R> build() {
            return new ResourceKind<>(this);
        }
    }
}
