package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Transcript;

/** Assertions on what a fake server heard: when TLS fails, no credentials and no mail may have crossed. */
final class NothingBeyondTls {

    private NothingBeyondTls() {}

    static void assertNoAuthAndNoMail(FakeSmtpServer server) {
        assertThat(server.connectionCount()).as("the client did connect").isPositive();
        for (Transcript t : server.transcripts()) {
            assertThat(t.commands())
                    .as("commands of connection " + t.connection())
                    .noneMatch(c -> c.toUpperCase().startsWith("AUTH"))
                    .noneMatch(c -> c.toUpperCase().startsWith("MAIL"))
                    .noneMatch(c -> c.toUpperCase().startsWith("RCPT"))
                    .noneMatch(c -> c.toUpperCase().startsWith("DATA"));
        }
        assertThat(server.messages()).isEmpty();
    }
}
