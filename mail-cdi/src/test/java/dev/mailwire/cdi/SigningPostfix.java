package dev.mailwire.cdi;

import dev.mailwire.Mail;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test: a private Postfix with the login {@code app}, DKIM keys for its domain, and {@link #deliver}, which
 * sends one mail through a default mailer that signs with both keys. Register it as an instance field with
 * {@code @RegisterExtension}; the Postfix, and so the delivered files, live until the test ends.
 */
final class SigningPostfix implements BeforeEachCallback, AfterEachCallback {

    private Path keysDir;
    private PrivatePostfix postfix;
    private DkimTestKeys keys;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        keysDir = Files.createTempDirectory("mailwire-dkim-keys-");
        postfix = PrivatePostfix.builder().user("app", "app-secret").start();
        keys = DkimTestKeys.generate(postfix.domain(), keysDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (postfix != null) { // null when it did not start
                postfix.close();
            }
        } finally {
            try (var files = Files.list(keysDir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(keysDir);
        }
    }

    String address(String localPart) {
        return postfix.address(localPart);
    }

    /** Sends {@code mail} as {@code app}, signed with both keys, and returns it as Postfix delivered it. */
    DeliveredMessage deliver(Mail mail) {
        Containers.sendWithDefaultMailer(keys.signWithBoth(ServerSettings.of("<default>", postfix, "app")), mail);
        return postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
    }

    /** dkimpy, with both public keys published for it. */
    DkimVerifier verifier() {
        return keys.verifier();
    }
}
