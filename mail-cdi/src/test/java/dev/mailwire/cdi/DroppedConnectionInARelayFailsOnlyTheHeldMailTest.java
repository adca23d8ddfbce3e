package dev.mailwire.cdi;

import static dev.mailwire.cdi.ConcurrentSenders.bare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.ConcurrentSenders.Outcome;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * In the middle of a relayed chain the server takes a message whose final dot came with the next envelope, then
 * hangs up without replying to it. That mail's sender is told it failed and may have been accepted; the next mail,
 * which had sent no content, goes out again on a fresh connection; every other caller gets its result and no thread
 * is left waiting. Nothing the server did not answer 250 for is reported delivered, and nothing twice.
 */
@Timeout(120)
class DroppedConnectionInARelayFailsOnlyTheHeldMailTest {

    private static final int THREADS = 8;
    private static final int MAILS_PER_THREAD = 10;
    /** The drop comes at the first held dot from this message on: well inside the chain. */
    private static final int DROP_FROM = THREADS * MAILS_PER_THREAD / 2;

    @Test
    void onlyTheUnansweredMailFails() throws Exception {
        try (FakeSmtpServer server =
                FakeSmtpServer.builder().startTls(false).requireTls(false).start()) {
            DropAtAHeldDot fault = new DropAtAHeldDot(server);
            server.behaviour(fault);
            Map<String, String> config = FakeServerSettings.withoutAuth(FakeServerSettings.DEFAULT_MAILER, server);
            config.put("mailwire.mailer.tls", "NONE");
            config.put("mailwire.mailer.pool.max-size", "1");
            List<Outcome> outcomes;
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                outcomes = ConcurrentSenders.send(
                        mailer,
                        THREADS,
                        MAILS_PER_THREAD,
                        DroppedConnectionInARelayFailsOnlyTheHeldMailTest::mail,
                        Duration.ofSeconds(90));
            }

            assertThat(fault.dropped)
                    .as("the message whose connection was dropped")
                    .isNotNull();
            assertThat(outcomes).hasSize(THREADS * MAILS_PER_THREAD);
            List<Outcome> failed =
                    outcomes.stream().filter(o -> o.error() != null).toList();
            assertThat(failed).singleElement().satisfies(o -> {
                assertThat(bare(o.messageId())).isEqualTo(fault.dropped);
                assertThat(o.error()).hasMessageContaining("may already have accepted");
            });
            Map<String, Long> received = server.messages().stream()
                    .collect(Collectors.groupingBy(m -> bare(m.messageId()), Collectors.counting()));
            List<String> delivered = outcomes.stream()
                    .filter(o -> o.error() == null)
                    .map(o -> {
                        assertThat(o.delivered())
                                .as("result of %s", o.messageId())
                                .isTrue();
                        return bare(o.messageId());
                    })
                    .toList();
            assertThat(delivered).hasSize(THREADS * MAILS_PER_THREAD - 1).allSatisfy(id -> {
                assertThat(fault.answered).as("answered 250").contains(id);
                assertThat(received).as("received").containsEntry(id, 1L);
            });
            assertThat(received).containsEntry(fault.dropped, 1L);
            assertThat(fault.answered).doesNotContain(fault.dropped);
            assertThat(server.connectionCount()).isGreaterThan(1);
        }
    }

    private static Mail mail(String messageId) {
        return Mail.builder()
                .to("inbox@example.org")
                .messageId(messageId)
                .subject("relayed " + messageId)
                .text("Body of " + messageId + ".")
                .build();
    }

    /**
     * Answers 250 to every message, except the first from {@link #DROP_FROM} on whose final dot arrived with more
     * bytes behind it (a held dot, the next envelope behind it): that connection is closed without a reply.
     */
    private static final class DropAtAHeldDot implements Behaviour {

        private final FakeSmtpServer server;
        private final AtomicInteger seen = new AtomicInteger();
        private final Map<Integer, Integer> heldDotsPerConnection = new ConcurrentHashMap<>();
        final Set<String> answered = ConcurrentHashMap.newKeySet();
        volatile String dropped;

        DropAtAHeldDot(FakeSmtpServer server) {
            this.server = server;
        }

        @Override
        public Action onMessage(SmtpConnection c, ReceivedMessage message) {
            String id = bare(message.messageId());
            int heldDots = server.transcript(c.index()).envelopesWithFinalDot();
            Integer before = heldDotsPerConnection.put(c.index(), heldDots);
            boolean thisDotHeld = heldDots > (before == null ? 0 : before);
            if (seen.incrementAndGet() >= DROP_FROM && thisDotHeld && dropped == null) {
                dropped = id;
                return Action.close();
            }
            answered.add(id);
            return Action.proceed();
        }
    }
}
