package dev.pilothouse.core.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entries and a clock the tests move by hand. */
final class AuditFixtures {

    private AuditFixtures() {
    }

    static AuditEntry scale(String name, int replicas) {
        return new AuditEntry("ana", "ana@example.com", "prod-eu", "deployment.scale",
                new AuditTarget("deployments.apps", "ml-serving", name),
                Map.of("replicas", Integer.toString(replicas)),
                List.of(new SentRequest("PATCH", "/apis/apps/v1/namespaces/ml-serving/deployments/" + name + "/scale",
                        "application/merge-patch+json", "{\"spec\":{\"replicas\":" + replicas + "}}")),
                false, "ana (typed name)", AuditOutcome.succeeded("scaled to " + replicas),
                Optional.of("100"), Optional.of("101"));
    }

    /** A clock that stands still until the test moves it. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(String instant) {
            this.now = Instant.parse(instant);
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
