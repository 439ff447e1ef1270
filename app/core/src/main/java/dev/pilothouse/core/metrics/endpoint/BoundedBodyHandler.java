package dev.pilothouse.core.metrics.endpoint;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A {@link HttpResponse.BodyHandler} for {@link java.net.http.HttpClient} that keeps at most {@code max} bytes: an
 * answer whose Content-Length is over the limit is refused before a byte is read, and a streamed one is cut off
 * (the subscription cancelled, which closes the connection) as soon as it passes the limit.
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    private final long max;

    BoundedBodyHandler(long max) {
        this.max = max;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
        return new Subscriber(max, declared);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long max;
        private final long declared;
        private BoundedBody body;
        private Flow.Subscription subscription;

        Subscriber(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                result.completeExceptionally(new BoundedBody.TooLarge()); // before cancel(), which may report too
                s.cancel();
                return;
            }
            body = new BoundedBody(max, declared);
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (!body.add(buffer)) {
                    result.completeExceptionally(new BoundedBody.TooLarge());
                    subscription.cancel();
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            if (!result.isDone()) {
                result.complete(body.toBytes());
            }
        }
    }
}
