package dev.pilothouse.sdk.kube;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a resource table: a pure function from row to value, how it is shown and how it sorts.
 *
 * @param <R> the row type
 */
public final class Column<R extends Row> {

    /** Where a cell's text sits. */
    public enum Align { LEFT, RIGHT, CENTER }

    private final String id;
    private final String title;
    private final Function<? super R, ?> value;
    private final Function<? super R, String> text;
    private final Function<? super R, CellTone> tone;
    private final Comparator<R> comparator;
    private final double preferredWidth;
    private final Align align;

    private Column(Builder<R> b) {
        this.id = b.id;
        this.title = b.title;
        this.value = b.value;
        this.text = b.text != null ? b.text : r -> render(b.value.apply(r));
        this.tone = b.tone;
        this.comparator = b.comparator != null ? b.comparator : naturalOrder(b.value);
        this.preferredWidth = b.preferredWidth;
        this.align = b.align;
    }

    private static String render(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> Comparator<R> naturalOrder(Function<? super R, ?> value) {
        Comparator<Object> values = (a, b) -> {
            if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
                return ca.compareTo(b);
            }
            return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
        };
        return Comparator.comparing(r -> value.apply(r), Comparator.nullsLast(values));
    }

    /** Starts a column with the given stable id, header title and value function. */
    public static <R extends Row> Builder<R> builder(String id, String title, Function<? super R, ?> value) {
        return new Builder<>(id, title, value);
    }

    /** A plain text column. */
    public static <R extends Row> Column<R> of(String id, String title, Function<? super R, ?> value) {
        return new Builder<R>(id, title, value).build();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The raw value of the cell (used for sorting and filtering). */
    public Object value(R row) {
        return value.apply(row);
    }

    /** The text shown in the cell. */
    public String text(R row) {
        return text.apply(row);
    }

    /** The semantic tone of the cell. */
    public CellTone tone(R row) {
        return tone.apply(row);
    }

    public Comparator<R> comparator() {
        return comparator;
    }

    public double preferredWidth() {
        return preferredWidth;
    }

    public Align align() {
        return align;
    }

    /**
     * Builds a {@link Column}.
     *
     * @param <R> the row type
     */
    public static final class Builder<R extends Row> {
        private final String id;
        private final String title;
        private final Function<? super R, ?> value;
        private Function<? super R, String> text;
        private Function<? super R, CellTone> tone = r -> CellTone.DEFAULT;
        private Comparator<R> comparator;
        private double preferredWidth = 120;
        private Align align = Align.LEFT;

        private Builder(String id, String title, Function<? super R, ?> value) {
            this.id = Objects.requireNonNull(id, "id");
            this.title = Objects.requireNonNull(title, "title");
            this.value = Objects.requireNonNull(value, "value");
        }

        /** How the value is shown; by default its string form. */
        public Builder<R> text(Function<? super R, String> text) {
            this.text = text;
            return this;
        }

        /** The cell's tone; by default {@link CellTone#DEFAULT}. */
        public Builder<R> tone(Function<? super R, CellTone> tone) {
            this.tone = Objects.requireNonNull(tone);
            return this;
        }

        /** Sort order; by default the natural order of the values. */
        public Builder<R> comparator(Comparator<R> comparator) {
            this.comparator = comparator;
            return this;
        }

        public Builder<R> width(double preferredWidth) {
            this.preferredWidth = preferredWidth;
            return this;
        }

        public Builder<R> align(Align align) {
            this.align = align;
            return this;
        }

        public Column<R> build() {
            return new Column<>(this);
        }
    }
}
