package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.eventually;
import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.ResourceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The evictor keeps pool.min-idle default-identity connections open, and keeps trying when opening fails. */
class MinIdleIsToppedUpTest {

    @Test
    @Timeout(10)
    void poolOpensMinIdleConnectionsAheadOfDemand() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().maxSize(4).minIdle(2).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            eventually(Duration.ofSeconds(3), () -> cm.stats().idle() == 2, "two idle connections opened");
            assertThat(mcf.connections).allMatch(mc -> mc.cri == null);

            FakeConnection taken = get(cm, mcf);

            eventually(Duration.ofSeconds(3), () -> cm.stats().idle() == 2, "topped up again after a borrow");
            assertThat(cm.stats().inUse()).isEqualTo(1);
            assertThat(mcf.created.get()).isEqualTo(3);
            taken.close();
            Thread.sleep(100); // several eviction runs
            assertThat(mcf.created.get()).isEqualTo(3); // three idle now: no more opened
        }
    }

    @Test
    @Timeout(10)
    void minIdleConnectionsSurviveIdleTimeout() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings =
                quick().minIdle(1).idleTimeout(Duration.ofMillis(50)).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            eventually(Duration.ofSeconds(3), () -> cm.stats().idle() == 1, "one idle connection opened");
            Thread.sleep(300);

            assertThat(mcf.created.get()).isEqualTo(1); // not closed and reopened every idle timeout
        }
    }

    @Test
    @Timeout(10)
    void failuresToOpenAreRetriedNotThrown() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        mcf.createFailure.set(new ResourceException("Mailer 'test': connection refused by smtp.example.org:587"));
        PoolSettings settings = quick().minIdle(2).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            Thread.sleep(100); // several failing runs
            assertThat(cm.stats().idle()).isZero();

            mcf.createFailure.set(null); // the server is back

            eventually(Duration.ofSeconds(3), () -> cm.stats().idle() == 2, "topped up once the server is back");
        }
    }
}
