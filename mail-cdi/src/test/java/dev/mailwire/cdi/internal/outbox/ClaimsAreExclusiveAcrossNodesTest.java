package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On PostgreSQL, two owners (nodes) claiming the same due entries at the same time never both get one; a lease
 * that has run out can be taken over, one that has not cannot. A row is leased to its writer from its insert: no
 * other node sees it due before that lease runs out, and once another node has taken it over, the writer cannot
 * renew it (its late hand-over then sends nothing).
 */
@Timeout(60)
class ClaimsAreExclusiveAcrossNodesTest {

    private static final String TABLE =
            "mw_claims_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static AgroalDataSource database;

    @BeforeAll
    static void start() {
        database = Databases.postgres();
        OutboxSchema.ensure("claims", database, new OutboxTable(TABLE), true, "table", "create");
    }

    @AfterAll
    static void stop() throws Exception {
        Databases.execute(database, "DROP TABLE IF EXISTS " + TABLE);
        database.close();
    }

    @Test
    void concurrentSweepsNeverClaimTheSameEntry() throws Exception {
        // A writer whose insert-time leases have run out at once: a node that died right after its commits.
        OutboxStore writer = store("writer", Duration.ZERO);
        for (int i = 0; i < 300; i++) {
            insert(writer);
        }
        Set<String> claimedByA = ConcurrentHashMap.newKeySet();
        Set<String> claimedByB = ConcurrentHashMap.newKeySet();
        AtomicInteger lost = new AtomicInteger();
        // Rounds in lock step: every thread reads the same due entries, then all claim them at once.
        CyclicBarrier round = new CyclicBarrier(4);
        List<Thread> nodes = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            // Two threads per owner, like two dispatcher threads on each of two nodes.
            Set<String> mine = n % 2 == 0 ? claimedByA : claimedByB;
            OutboxStore store = store(n % 2 == 0 ? "A" : "B", Duration.ofMinutes(5));
            Thread t = new Thread(() -> sweepAll(store, mine, lost, round));
            t.start();
            nodes.add(t);
        }
        for (Thread t : nodes) {
            t.join();
        }
        assertThat(claimedByA).doesNotContainAnyElementsOf(claimedByB);
        assertThat(claimedByA.size() + claimedByB.size()).isEqualTo(300);
        assertThat(lost.get()).as("claims lost to another thread").isGreaterThanOrEqualTo(3 * 300);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndALiveOneIsNot() throws Exception {
        OutboxStore dying = store("dying", Duration.ofSeconds(1));
        OutboxStore other = store("other", Duration.ofMinutes(5));
        String id = insert(store("writer", Duration.ZERO));
        Instant now = Instant.now();
        assertThat(dying.claim(id, now)).isTrue();
        assertThat(other.claim(id, now.plusMillis(500))).isFalse();
        assertThat(other.claim(id, now.plusMillis(1500))).isTrue();
        assertThat(dying.load(id))
                .as("the old owner can no longer read it as its own")
                .isNull();
    }

    @Test
    void aNewRowIsLeasedToItsWriterUntilTheLeaseRunsOut() throws Exception {
        OutboxStore writer = store("writer", Duration.ofSeconds(2));
        OutboxStore other = store("other", Duration.ofMinutes(5));
        String id = insert(writer); // leased from one second ago: until a second from now
        Instant now = Instant.now();
        assertThat(other.due(1000, now)).doesNotContain(id);
        assertThat(other.claim(id, now)).isFalse();
        assertThat(writer.renew(id, now)).as("the writer still holds it").isTrue();
        assertThat(writer.load(id)).isNotNull();

        Instant later = now.plusSeconds(3); // past the renewed lease too
        assertThat(other.due(1000, later)).contains(id);
        assertThat(other.claim(id, later)).isTrue();
        assertThat(writer.renew(id, later))
                .as("taken over: the writer's late hand-over must not send")
                .isFalse();
        assertThat(writer.load(id)).isNull();
    }

    private static void sweepAll(OutboxStore store, Set<String> mine, AtomicInteger lost, CyclicBarrier round) {
        try {
            while (true) {
                List<String> due = store.due(20, Instant.now());
                round.await();
                if (due.isEmpty()) {
                    return;
                }
                for (String id : due) {
                    if (store.claim(id, Instant.now())) {
                        mine.add(id);
                    } else {
                        lost.incrementAndGet();
                    }
                }
                round.await();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String insert(OutboxStore store) throws Exception {
        String id = Outbox.newId();
        Instant now = Instant.now().minusSeconds(1);
        Jta.inTransaction(() -> store.insert(
                id,
                "<" + id + "@test>",
                List.of(RecipientState.pending("a@example.org")),
                MessageSpool.of(new byte[] {1}),
                now,
                now.plusSeconds(3600)));
        return id;
    }

    private static OutboxStore store(String owner, Duration lease) {
        return new OutboxStore("claims", database, new OutboxTable(TABLE), owner, lease);
    }
}
