package dev.mailwire.cdi.testkitusage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.MailerName;
import dev.mailwire.cdi.MockMailbox;
import dev.mailwire.cdi.testkit.MailwireTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** What a user of the test kit writes: one annotation, injected beans, the mock mailbox, fresh per test. */
@MailwireTest(beans = Greeter.class, mailers = "billing", config = "mailwire.mailer.billing.from=billing@example.org")
class TestKitRunsMailCodeInMockModeTest {

    @Inject
    Greeter greeter;

    @Inject
    MockMailbox mailbox;

    @Test
    void applicationMailIsRecordedPerMailer() throws Exception {
        greeter.greet("ada@example.org");
        greeter.bill("ada@example.org");

        assertThat(mailbox.sentBy("<default>"))
                .singleElement()
                .satisfies(m -> assertThat(m.message().getSubject()).isEqualTo("Welcome"));
        assertThat(mailbox.sentBy("billing"))
                .singleElement()
                .satisfies(m -> assertThat(m.message().getFrom()[0].toString()).isEqualTo("billing@example.org"));
    }

    @Test
    void eachTestStartsWithAnEmptyMailbox(@MailerName("billing") Mailer billing) {
        assertThat(mailbox.size()).isZero();
        billing.send(Mail.builder().to("bob@example.org").text("Hi").build());
        assertThat(mailbox.messagesTo("bob@example.org")).hasSize(1);
    }
}
