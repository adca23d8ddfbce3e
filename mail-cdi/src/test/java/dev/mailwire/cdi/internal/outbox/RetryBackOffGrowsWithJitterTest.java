package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The wait after attempt n is initial × 2^(n-1), capped, of which jitter takes off up to half. */
class RetryBackOffGrowsWithJitterTest {

    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24));
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        for (int i = 0; i < 200; i++) {
            assertThat(wait(1)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(wait(2)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(wait(4)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(240));
            assertThat(wait(10)).isBetween(Duration.ofMinutes(7).plusSeconds(30), Duration.ofMinutes(15));
            assertThat(wait(1000)).isBetween(Duration.ofMinutes(7).plusSeconds(30), Duration.ofMinutes(15));
        }
    }

    @Test
    void jitterSpreadsMailsThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> wait(3))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void expiresMaxAgeAfterCommit() {
        assertThat(policy.expiry(now)).isEqualTo(now.plus(Duration.ofHours(24)));
    }

    private Duration wait(int attempts) {
        return Duration.between(now, policy.next(now, attempts));
    }
}
