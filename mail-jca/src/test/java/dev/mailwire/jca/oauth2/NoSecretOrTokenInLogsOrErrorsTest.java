package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Must-show 6, for the adapter: with Angus and Mailwire logging everything (FINEST, Angus's protocol trace on),
 * successful sends, a refreshed user token and each kind of failure leave no client secret, refresh token or access
 * token in any log record or exception text. Access tokens are unknown to the test, so it looks for their shape (a
 * JWT: three base64url parts) and for the start of an XOAUTH2 or OAUTHBEARER blob in base64.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class NoSecretOrTokenInLogsOrErrorsTest {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.");
    /** base64 of "user=" (XOAUTH2) and of "n,a=" (OAUTHBEARER), the start of an initial response. */
    private static final List<String> BLOBS = List.of("dXNlcj1", "bixhPW");

    @RegisterExtension
    final EverythingLogged logs =
            new EverythingLogged("org.eclipse.angus", "dev.mailwire", "sun.net.www.protocol.http");

    @Test
    void nothingSecretInAnyLogOrError() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        List<String> errors = new ArrayList<>();
        try (OAuthMailer ok = new OAuthMailer(stack.clientId(), stack.clientSecret(), PoolSettings.builder())) {
            assertThat(ok.send("secrets scan, client credentials").allDelivered())
                    .isTrue();
        }
        MailManagedConnectionFactory user =
                RefreshTokenGrantKeepsSendingAndFailsClearlyWhenRevokedTest.userFactory(stack, "scan-user");
        String refreshToken = user.getOauth2RefreshToken();
        try (OAuthMailer ok = new OAuthMailer(user, PoolSettings.builder())) {
            assertThat(ok.send("secrets scan, refresh token").allDelivered()).isTrue();
        }
        MailManagedConnectionFactory wrong = OAuthMailer.factory(stack, stack.clientId(), "wrong-secret-value");
        errors.add(failure(wrong));
        MailManagedConnectionFactory foreign = OAuthMailer.factory(stack, stack.clientId(), stack.otherRealmSecret());
        foreign.setOauth2TokenEndpoint(stack.tokenEndpoint("other"));
        errors.add(failure(foreign));

        String all = logs.text() + "\n" + String.join("\n", errors);
        // The trace was really on: Angus logged the protocol around the AUTH.
        assertThat(all).contains("STARTTLS").contains("235");
        for (String secret : List.of(
                stack.clientSecret(),
                stack.otherRealmSecret(),
                "wrong-secret-value",
                refreshToken,
                stack.userPassword())) {
            assertThat(all).doesNotContain(secret);
        }
        assertThat(JWT.matcher(all).find()).as("a JWT in the logs or errors").isFalse();
        for (String blob : BLOBS) {
            assertThat(all).doesNotContain(blob);
        }
    }

    private static String failure(MailManagedConnectionFactory f) {
        f.setMailerName("scan-failure");
        try (OAuthMailer mailer = new OAuthMailer(f, PoolSettings.builder())) {
            Throwable t = catchThrowable(() -> mailer.send("must not arrive"));
            assertThat(t).isNotNull();
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }
}
