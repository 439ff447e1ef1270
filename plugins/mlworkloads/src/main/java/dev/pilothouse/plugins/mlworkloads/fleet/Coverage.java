package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a list across clusters can and cannot show, from the status of each of its watches: which products are not
 * installed where, which watches are refused, failed or stale. Pure, so the wording is tested without a UI.
 *
 * @param loading   some watch has not listed yet and none has anything to show
 * @param settled   no watch is still listing for the first time
 * @param usable    watches that delivered rows (synced or stale)
 * @param failed    every watch failed (an error, not a normal state)
 * @param missing   what is not installed where: normal, said in a quiet voice
 * @param problems  stale clusters, refusals and failures: worth a warning
 */
public record Coverage(boolean loading, boolean settled, int usable, boolean failed, List<String> missing, List<String> problems) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /**
     * The status of one watch of one cluster.
     *
     * @param narrowedTo the one namespace watched because the cluster refused all of them; empty when not narrowed
     */
    public record Watch(String cluster, Product product, String kindName, WatchStatus status, String narrowedTo) {

        public Watch(String cluster, Product product, String kindName, WatchStatus status) {
            this(cluster, product, kindName, status, "");
        }
    }

    /**
     * Sums up the watches. A product none of whose kinds exists in a cluster gets one line, "Tekton is not installed
     * in staging."; a single missing kind of an installed product gets its own line; refusals and failures quote the
     * server; a stale cluster says since when its rows are.
     *
     * @param noun what the list shows, plural ("pipelines"), for the stale line
     */
    public static Coverage of(List<Watch> watches, String noun) {
        Map<String, List<Watch>> byClusterAndProduct = new LinkedHashMap<>();
        for (Watch w : watches) {
            byClusterAndProduct.computeIfAbsent(w.cluster() + "\u0000" + w.product().name(), k -> new ArrayList<>()).add(w);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Instant> staleSince = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> refused = new LinkedHashSet<>();
        int usable = 0;
        boolean anyLoading = false;
        boolean allFailed = !watches.isEmpty();
        for (List<Watch> group : byClusterAndProduct.values()) {
            Watch first = group.getFirst();
            boolean noneInstalled = group.stream().allMatch(w -> w.status().state() == WatchState.NOT_INSTALLED);
            if (noneInstalled) {
                missing.add(first.product().name() + " is not installed in " + first.cluster() + ".");
            }
            for (Watch w : group) {
                WatchStatus s = w.status();
                switch (s.state()) {
                    case SYNCED -> usable++;
                    case STALE -> {
                        usable++;
                        staleSince.merge(w.cluster(), s.lastSync() == null ? Instant.EPOCH : s.lastSync(),
                                (a, b) -> a.isBefore(b) ? a : b);
                    }
                    case LOADING -> anyLoading = true;
                    case NOT_INSTALLED -> {
                        if (!noneInstalled) {
                            missing.add(w.kindName() + " (" + w.product().name() + ") is not installed in " + w.cluster()
                                    + ".");
                        }
                    }
                    case FORBIDDEN -> refused.add(sentence("Not allowed to list " + w.kindName() + " in "
                            + w.cluster() + (w.narrowedTo().isEmpty() ? "" : " namespace " + w.narrowedTo())
                            + (s.message().isEmpty() ? "" : ": " + s.message()))
                            + (w.narrowedTo().isEmpty() ? " Choose your namespace to see its " + w.kindName() + "."
                            : ""));
                    case FAILED -> refused.add("Could not list " + w.kindName() + " in " + w.cluster()
                            + (s.message().isEmpty() ? "." : ": " + s.message()));
                }
                if (s.state() != WatchState.FAILED) {
                    allFailed = false;
                }
                if (!w.narrowedTo().isEmpty() && (s.state() == WatchState.SYNCED || s.state() == WatchState.STALE)) {
                    refused.add("Showing only namespace " + w.narrowedTo() + " of " + w.cluster() + ": you may not list "
                            + w.kindName() + " in all namespaces there.");
                }
            }
        }
        staleSince.forEach((cluster, since) -> problems.add("Connection to " + cluster + " lost. Showing its " + noun
                + " as of " + (since.equals(Instant.EPOCH) ? "the last sync" : CLOCK.format(since))
                + "; reconnecting…"));
        problems.addAll(refused);
        return new Coverage(anyLoading && usable == 0, !anyLoading, usable, allFailed, List.copyOf(missing), List.copyOf(problems));
    }

    /** The text ending with a full stop, once. */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
