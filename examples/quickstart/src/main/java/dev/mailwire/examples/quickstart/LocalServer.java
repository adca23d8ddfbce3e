package dev.mailwire.examples.quickstart;

import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private Postfix on 127.0.0.1 with STARTTLS required and AUTH, for when no server is configured. Its settings
 * are handed to Mailwire as system properties, which MicroProfile Config reads like any other source.
 */
final class LocalServer implements AutoCloseable {

    private final PrivatePostfix postfix = PrivatePostfix.builder().start();

    /** The mailer settings pointing at this server. */
    Map<String, String> settings() {
        var user = postfix.users().entrySet().iterator().next();
        return Map.of(
                "mailwire.mailer.host", postfix.host(),
                "mailwire.mailer.port", String.valueOf(postfix.port()),
                "mailwire.mailer.trust-store", postfix.trustStore().toString(),
                "mailwire.mailer.trust-store-password", postfix.trustStorePassword(),
                "mailwire.mailer.trust-store-type", postfix.trustStoreType(),
                "mailwire.mailer.username", user.getKey(),
                "mailwire.mailer.password", user.getValue(),
                "mailwire.mailer.from", postfix.address("quickstart"),
                "mailwire.mailer.pool.max-size", "2");
    }

    String address(String local) {
        return postfix.address(local);
    }

    /** The SMTP sessions Postfix logged, once every mail was delivered and every connection closed. */
    List<SmtpSession> sessions(int delivered) {
        postfix.awaitDelivered(delivered, Duration.ofSeconds(30));
        return postfix.log().awaitEnded(postfix.log().connections(), Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        postfix.close();
    }
}
