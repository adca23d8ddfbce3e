package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A spec's settings that no request has used for {@link SpecSessions#MAX_IDLE} leave the cache, however few there
 * are: a rotated trust-store password does not stay in the factory for the life of the server.
 */
class UnusedSpecSessionsExpireTest {

    @Test
    void anEntryUnusedForMaxIdleIsGoneAndAnActiveOneStays() {
        AtomicLong now = new AtomicLong();
        SpecSessions<String> cache = new SpecSessions<>(now::get);
        Map<String, String> old = Map.of("trust-store-password", "old-pw");
        Map<String, String> active = Map.of("trust-store-password", "new-pw");
        cache.get(old, k -> "old");
        cache.get(active, k -> "active");

        now.addAndGet(SpecSessions.MAX_IDLE.minusSeconds(1).toNanos());
        assertThat(cache.get(active, k -> "remade")).isEqualTo("active"); // used: fresh again
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.get(Map.of("connect-timeout", "PT5S"), k -> "another"); // any new entry sweeps

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(old, k -> "remade")).isEqualTo("remade");
        assertThat(cache.get(active, k -> "remade")).isEqualTo("active");
    }

    @Test
    void theLeastRecentlyUsedGoesFirstBeyondTheBound() {
        SpecSessions<Integer> cache = new SpecSessions<>(() -> 0L);
        for (int i = 0; i <= SpecSessions.MAX_ENTRIES; i++) {
            int n = i;
            cache.get(Map.of("port", String.valueOf(n + 1)), k -> n);
            cache.get(Map.of("port", "1"), k -> -1); // keep the first one in use
        }
        assertThat(cache.size()).isEqualTo(SpecSessions.MAX_ENTRIES);
        assertThat(cache.get(Map.of("port", "1"), k -> -1)).isZero();
        assertThat(cache.get(Map.of("port", "2"), k -> -2)).isEqualTo(-2); // the eldest unused one went
    }
}
