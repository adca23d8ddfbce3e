package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A connection opened for one identity is never handed to a caller asking for another. */
class IdentitiesNeverShareConnectionsTest {

    private static final ConnectionRequestInfo[] IDENTITIES = {null, new Identity("alice"), new Identity("bob")};

    @Test
    @Timeout(10)
    void eachIdentityReusesOnlyItsOwnConnection() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(4).build())) {
            FakeConnection alice = get(cm, mcf, new Identity("alice"));
            alice.close();
            FakeConnection bob = get(cm, mcf, new Identity("bob"));
            FakeConnection aliceAgain = get(cm, mcf, new Identity("alice")); // an equal, not the same, request info

            assertThat(bob.mc).isNotSameAs(alice.mc);
            assertThat(aliceAgain.mc).isSameAs(alice.mc);
            assertThat(mcf.matches.get()).isEqualTo(1);
            bob.close();
            aliceAgain.close();
        }
    }

    @Test
    @Timeout(60)
    void concurrentCallersOfThreeIdentitiesNeverMix() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        AtomicInteger mixed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(4).build())) {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        ConnectionRequestInfo who =
                                IDENTITIES[ThreadLocalRandom.current().nextInt(IDENTITIES.length)];
                        FakeConnection c = get(cm, mcf, who);
                        if (!Objects.equals(c.mc.cri, who)) {
                            mixed.incrementAndGet();
                        }
                        c.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }

            assertThat(mixed.get()).isZero();
            assertThat(mcf.peakAlive.get()).isLessThanOrEqualTo(4);
            assertThat(mcf.connections).noneMatch(mc -> mc.sharedAtOnce.get());
            assertThat(cm.stats().inUse()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
