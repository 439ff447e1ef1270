package dev.pilothouse.plugins.mlworkloads.status;

/**
 * How far a run has got: {@code done} of {@code total} steps. Unknown is its own value so that a run whose nodes
 * were offloaded reads "?" rather than a misleading 0/0.
 *
 * @param done  finished steps, or -1 when unknown
 * @param total all steps, or -1 when unknown
 */
public record Progress(int done, int total) {

    public static final Progress UNKNOWN = new Progress(-1, -1);

    public Progress {
        if (done < 0 || total < 0) {
            done = -1;
            total = -1;
        }
    }

    public boolean known() {
        return total >= 0;
    }

    /** Parses Argo's {@code "3/7"}; anything else is unknown. */
    public static Progress parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return UNKNOWN;
        }
        try {
            return new Progress(Integer.parseInt(text.substring(0, slash).strip()),
                    Integer.parseInt(text.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    /** The share done, for sorting; unknown sorts first. */
    public double fraction() {
        return !known() ? -1 : total == 0 ? 1 : (double) done / total;
    }

    /** {@code "3/7"}, or {@code "?"} when unknown. */
    @Override
    public String toString() {
        return known() ? done + "/" + total : "?";
    }
}
