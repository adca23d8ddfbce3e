package dev.mailwire.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A mailer's user name, passwords and recent tokens are masked in any text, plain and Base64-encoded as AUTH PLAIN,
 * LOGIN and XOAUTH2 carry them, and whatever follows an AUTH command.
 */
class SecretsAreScrubbedTest {

    private final Secrets secrets = Secrets.of("alice@example.org", Arrays.asList("s3cret-pw", null, "store-pw"));

    @Test
    void plainAndEncodedFormsAreMasked() {
        String text = "user alice@example.org pw s3cret-pw store store-pw login " + b64("alice@example.org") + " "
                + b64("s3cret-pw") + " plain " + b64("\0alice@example.org\0s3cret-pw");

        String scrubbed = secrets.scrub(text);

        assertThat(scrubbed)
                .doesNotContain("alice@example.org", "s3cret-pw", "store-pw", b64("s3cret-pw"))
                .doesNotContain(b64("\0alice@example.org\0s3cret-pw"), b64("alice@example.org"))
                .contains(Secrets.MASK);
    }

    @Test
    void authArgumentsAreMaskedWhateverTheyAre() {
        assertThat(secrets.scrub("C: AUTH PLAIN AGJvYgBib2Jz\r\nS: 535 no"))
                .isEqualTo("C: AUTH PLAIN ***\r\nS: 535 no");
        assertThat(secrets.scrub("auth xoauth2 dXNlcj1ib2IBYXV0aD1CZWFyZXIgeHl6AQE="))
                .isEqualTo("auth xoauth2 ***");
    }

    @Test
    void tokensHandedOutAreRemembered() {
        Supplier<String> tokens = secrets.remembering(() -> "ya29.token-value");
        assertThat(secrets.scrub("bearer ya29.token-value")).contains("ya29.token-value");

        tokens.get();

        assertThat(secrets.scrub("bearer ya29.token-value and " + b64("ya29.token-value")))
                .isEqualTo("bearer *** and ***");
    }

    @Test
    void textWithoutSecretsIsUnchangedAndShortValuesAreIgnored() {
        Secrets weak = Secrets.of("ab", List.of("x"));
        assertThat(weak.scrub("a cab with x")).isEqualTo("a cab with x");
        assertThat(secrets.scrub(null)).isNull();
        assertThat(Secrets.none().scrub("connection refused")).isEqualTo("connection refused");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
