package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.cluster.LogListener;
import dev.pilothouse.sdk.cluster.LogOptions;
import dev.pilothouse.sdk.cluster.Subscription;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One container log stream: a GET of {@code pods/NAME/log} through the client's authenticated HTTP stack, read line
 * by line on a virtual thread and handed over in batches (at most every 50 ms or 500 lines), so a chatty container
 * costs a few calls a second, not one per line.
 */
final class LogStream implements Subscription {

    static final int MAX_LINE = 8_192;
    private static final int BATCH_LINES = 500;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;

    private LogStream(Thread reader) {
        this.reader = reader;
    }

    static LogStream open(ClusterConnection connection, String namespace, String pod, LogOptions options,
                          LogListener listener) {
        LogStream[] self = new LogStream[1];
        Thread thread = Thread.ofVirtual().name("log-" + pod).unstarted(() -> self[0].run(connection, namespace, pod,
                options, listener));
        self[0] = new LogStream(thread);
        thread.start();
        return self[0];
    }

    static String path(String namespace, String pod, LogOptions o) {
        StringBuilder q = new StringBuilder();
        if (!o.container().isEmpty()) {
            q.append("&container=").append(URLEncoder.encode(o.container(), StandardCharsets.UTF_8));
        }
        if (o.follow()) {
            q.append("&follow=true");
        }
        if (o.previous()) {
            q.append("&previous=true");
        }
        if (o.timestamps()) {
            q.append("&timestamps=true");
        }
        if (o.tailLines() > 0) {
            q.append("&tailLines=").append(o.tailLines());
        }
        return "api/v1/namespaces/" + namespace + "/pods/" + pod + "/log" + (q.isEmpty() ? "" : "?" + q.substring(1));
    }

    private void run(ClusterConnection connection, String namespace, String pod, LogOptions options, LogListener listener) {
        try {
            KubernetesClient client = connection.client();
            HttpClient http = client.getHttpClient();
            URI uri = client.getMasterUrl().toURI().resolve(path(namespace, pod, options));
            HttpRequest request = http.newHttpRequestBuilder().uri(uri).build();
            HttpResponse<InputStream> response = http.sendAsync(request, InputStream.class).get();
            body = response.body();
            if (!response.isSuccessful()) {
                String detail = body == null ? "" : new String(body.readNBytes(4_096), StandardCharsets.UTF_8);
                listener.onError(pod + ": HTTP " + response.code() + " " + message(detail));
                return;
            }
            connection.markSynced();
            read(listener);
            if (!closed) {
                listener.onEnd();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!closed) {
                listener.onError(pod + ": " + KubeconfigLoader.rootMessage(e));
            }
        } finally {
            close();
        }
    }

    private void read(LogListener listener) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            List<String> batch = new ArrayList<>();
            long batchStart = System.nanoTime();
            String line;
            while (!closed && (line = in.readLine()) != null) {
                batch.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …[cut]" : line);
                if (batch.size() >= BATCH_LINES || System.nanoTime() - batchStart > BATCH_NANOS || !in.ready()) {
                    listener.onLines(List.copyOf(batch));
                    batch.clear();
                    batchStart = System.nanoTime();
                }
            }
            if (!batch.isEmpty() && !closed) {
                listener.onLines(List.copyOf(batch));
            }
        }
    }

    /** The {@code message} of a Kubernetes Status body, else the body itself. */
    private static String message(String body) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("message");
            if (node != null && node.isTextual()) {
                return node.asText();
            }
        } catch (IOException notJson) {
            // fall through: show the body as it came
        }
        String text = body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        closed = true;
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException ignored) {
                // closing an aborted stream
            }
        }
        if (Thread.currentThread() != reader) {
            reader.interrupt();
        }
    }
}
