package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.MailerException;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.cdi.internal.send.AsyncSender;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Embedded {@code sendAsync} runs on a bounded executor: a full queue fails the send's stage at once with a
 * {@link MailerException} that says so; invalid mail throws in the caller's thread and is never queued.
 */
@Timeout(30)
class SendAsyncIsBoundedTest {

    @Test
    void fullQueueFailsTheStageAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AsyncSender sender = AsyncSender.bounded("billing", 1, 1)) {
            CompletionStage<String> running = sender.submit(() -> await(release));
            CompletionStage<String> queued = sender.submit(() -> "queued");
            CompletionStage<String> refused = sender.submit(() -> "refused");

            assertThatThrownBy(() -> refused.toCompletableFuture().get(1, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(MailerException.class)
                    .hasMessageContaining("MWCDI-102")
                    .hasMessageContaining("mailwire.mailer.billing.async-queue-size");
            release.countDown();
            assertThat(running.toCompletableFuture().get()).isEqualTo("released");
            assertThat(queued.toCompletableFuture().get()).isEqualTo("queued");
        }
    }

    @Test
    void failureOfTheTaskCompletesTheStageWithItsOwnException() {
        try (AsyncSender sender = AsyncSender.bounded("billing", 1, 1)) {
            CompletableFuture<Object> failed = sender.submit(() -> {
                        throw new MailerException("billing", "boom");
                    })
                    .toCompletableFuture();
            assertThatThrownBy(failed::get)
                    .cause()
                    .isInstanceOf(MailerException.class)
                    .hasMessage("boom");
        }
    }

    @Test
    void mailerSendsAsynchronouslyAndRefusesInvalidMailSynchronously() throws Exception {
        Map<String, String> settings = Map.of("mailwire.mailer.mock", "true", "mailwire.mailer.from", "a@example.org");
        try (TestConfig config = TestConfig.use(settings);
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
            SendResult result = mailer.sendAsync(
                            Mail.builder().to("ada@example.org").text("Hi").build())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(result.allDelivered()).isTrue();

            assertThatThrownBy(() -> mailer.sendAsync(Mail.builder()
                            .to("ada@example.org")
                            .subject("a\r\nBcc: x@evil.test")
                            .build()))
                    .isInstanceOf(InvalidMailException.class);
            assertThat(container.select(MockMailbox.class).get().size()).isEqualTo(1);
        }
    }

    private static String await(CountDownLatch latch) {
        try {
            latch.await();
            return "released";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
