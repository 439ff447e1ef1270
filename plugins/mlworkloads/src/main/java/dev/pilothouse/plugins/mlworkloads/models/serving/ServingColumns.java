package dev.pilothouse.plugins.mlworkloads.models.serving;

import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.models.ModelRow;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The serving columns of the models list, reading the latest figures of each row's cluster. */
public final class ServingColumns {

    /** Error ratios from here on are worth a warning colour; past {@link #ERROR_DANGER} a danger colour. */
    static final double ERROR_WARNING = 0.01;
    static final double ERROR_DANGER = 0.05;

    private ServingColumns() {
    }

    /**
     * @param figures the latest figures of a cluster ({@link ServingFigures#NONE} when none)
     */
    public static List<Column<Located<ModelRow>>> of(Function<String, ServingFigures> figures) {
        return java.util.Arrays.stream(Measure.values()).map(m -> column(m, figures)).toList();
    }

    /** The figures of one row. */
    public static Map<Measure, ServingFigures.Figure> figuresOf(Located<ModelRow> l, Function<String, ServingFigures> figures) {
        return figures.apply(l.cluster()).of(l.namespace(), l.name(), l.row().kind(), l.row().model());
    }

    private static Column<Located<ModelRow>> column(Measure m, Function<String, ServingFigures> figures) {
        Function<Located<ModelRow>, ServingFigures.Figure> figure = l -> figuresOf(l, figures).get(m);
        return Column.<Located<ModelRow>>builder("serving-" + m.name().toLowerCase(java.util.Locale.ROOT), m.title(),
                        l -> value(figure.apply(l)))
                .text(l -> text(figure.apply(l), m))
                .tone(l -> m == Measure.ERROR_RATIO ? errorTone(figure.apply(l)) : CellTone.DEFAULT)
                .comparator(Comparator.comparing(l -> value(figure.apply(l)),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .align(Column.Align.RIGHT).width(m == Measure.LATENCY_P99 ? 110 : 75).build();
    }

    private static Double value(ServingFigures.Figure f) {
        return f == null ? null : f.value();
    }

    static String text(ServingFigures.Figure f, Measure m) {
        if (f == null) {
            return "";
        }
        String text = m.unit().format(f.value());
        return f.average() ? text + " avg" : text;
    }

    private static CellTone errorTone(ServingFigures.Figure f) {
        if (f == null) {
            return CellTone.DEFAULT;
        }
        return f.value() >= ERROR_DANGER ? CellTone.DANGER : f.value() >= ERROR_WARNING ? CellTone.WARNING
                : CellTone.DEFAULT;
    }
}
