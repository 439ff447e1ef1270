package dev.pilothouse.plugins.clusters.crd;

import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;
import java.util.List;

/**
 * One CustomResourceDefinition: what it serves and how kubectl prints its objects.
 *
 * @param uid            metadata.uid
 * @param name           {@code plural.group}
 * @param group          API group
 * @param version        the version to read (the storage version, else the first served one)
 * @param kind           kind
 * @param plural         plural
 * @param namespaced     whether its objects live in namespaces
 * @param established    condition Established is True
 * @param printerColumns the version's additionalPrinterColumns
 * @param created        creation time
 */
public record CrdRow(String uid, String name, String group, String version, String kind, String plural,
                     boolean namespaced, boolean established, List<PrinterColumn> printerColumns, Instant created)
        implements Row {

    @Override
    public String namespace() {
        return "";
    }

    /**
     * An additionalPrinterColumn.
     *
     * @param name     header
     * @param type     string, integer, number, boolean, date
     * @param jsonPath expression evaluated against each object
     * @param priority 0 for the default view, higher for wide output
     */
    public record PrinterColumn(String name, String type, String jsonPath, int priority) {
    }
}
