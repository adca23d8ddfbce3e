package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Angus and Mailwire logging everything (FINEST), a send with a client assertion, a refused unknown key, a
 * wrong key store password and a missing alias leave in no log record and no exception text the key store's
 * password, any part of the private key, a client assertion or a token (anything JWT-shaped), or the form field
 * that carries the assertion.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class NoClientAssertionOrKeyInLogsOrErrorsTest {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.");

    @TempDir
    Path dir;

    @RegisterExtension
    final EverythingLogged logs =
            new EverythingLogged("org.eclipse.angus", "dev.mailwire", "sun.net.www.protocol.http");

    @Test
    void nothingOfTheKeyOrItsAssertionsInAnyLogOrError() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        List<String> errors = new ArrayList<>();
        try (OAuthMailer ok =
                new OAuthMailer(OAuthMailer.assertionFactory(stack, stack.jwtClientKeys()), PoolSettings.builder())) {
            assertThat(ok.send("secrets scan, client assertion").allDelivered()).isTrue();
        }
        ClientKeyStore unknown = ClientKeyStore.create(dir.resolve("unknown.p12"), "EC", "secp256r1");
        errors.add(sendFailure(OAuthMailer.assertionFactory(stack, unknown)));
        MailManagedConnectionFactory wrongPassword = OAuthMailer.assertionFactory(stack, stack.jwtClientKeys());
        wrongPassword.setOauth2ClientAssertionKeyStorePassword("not-the-store-password");
        errors.add(trace(catchThrowable(wrongPassword::validate)));
        MailManagedConnectionFactory noAlias = OAuthMailer.assertionFactory(stack, stack.jwtClientKeys());
        noAlias.setOauth2ClientAssertionKeyAlias("no-such-alias");
        errors.add(trace(catchThrowable(noAlias::validate)));

        String all = logs.text() + "\n" + String.join("\n", errors);
        // The trace was really on, and the failures really happened.
        assertThat(all).contains("STARTTLS", "235", "invalid_client", "MWJCA-018", "no-such-alias");
        assertThat(all).doesNotContain(ClientKeyStore.PASSWORD).doesNotContain("not-the-store-password");
        assertThat(all).doesNotContain("client_assertion=");
        assertThat(JWT.matcher(all).find()).as("a JWT in the logs or errors").isFalse();
        for (ClientKeyStore store : List.of(stack.jwtClientKeys(), unknown)) {
            byte[] key = privateKey(store.file());
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(key);
                // Any 24-character window of the encoded key would be a leak; check a spread of them.
                for (int at = 0; at + 24 <= encoded.length(); at += 97) {
                    assertThat(all).doesNotContain(encoded.substring(at, at + 24));
                }
            }
        }
    }

    private static String sendFailure(MailManagedConnectionFactory f) {
        f.setMailerName("scan-failure");
        try (OAuthMailer mailer = new OAuthMailer(f, PoolSettings.builder())) {
            return trace(catchThrowable(() -> mailer.send("must not arrive")));
        }
    }

    private static String trace(Throwable t) {
        assertThat(t).isNotNull();
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static byte[] privateKey(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, ClientKeyStore.PASSWORD.toCharArray());
        }
        return ks.getKey(ClientKeyStore.ALIAS, ClientKeyStore.PASSWORD.toCharArray())
                .getEncoded();
    }
}
