package dev.pilothouse.core.kube;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The merged result of one or more kubeconfig files, as kubectl merges them: the first file that defines a context,
 * cluster or user wins; the current context comes from the first file that sets one.
 *
 * @param files          the files read, in order
 * @param contexts       every usable context
 * @param currentContext the current context's name, empty if none is set
 * @param problems       problems that did not stop loading (an unreadable file among several, a context whose
 *                       cluster is missing), each naming the file or context
 */
public record Kubeconfig(List<Path> files, List<ClusterContext> contexts, String currentContext, List<String> problems) {

    public Kubeconfig {
        files = List.copyOf(files);
        contexts = List.copyOf(contexts);
        problems = List.copyOf(problems);
    }

    /** The context with this name. */
    public Optional<ClusterContext> context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
