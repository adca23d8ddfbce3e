package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An internationalized domain ({@code bücher.example}) in From and To goes out as its A-labels
 * ({@code xn--bcher-kva.example}) in the envelope (Postfix's log) and in the headers (the delivered copy), and a DKIM
 * key configured for the Unicode domain signs as {@code d=xn--bcher-kva.example}, which dkimpy verifies.
 */
@Timeout(120)
class InternationalDomainBecomesALabelsTest {

    private static final String A_LABELS = "xn--bcher-kva.example";

    @TempDir
    Path keysDir;

    @Test
    void idnGoesOutAsALabels() {
        try (PrivatePostfix postfix =
                PrivatePostfix.builder().user("app", "app-secret").start()) {
            DkimTestKeys keys = DkimTestKeys.generate(A_LABELS, keysDir);
            Map<String, String> settings = keys.signWithBoth(ServerSettings.of("<default>", postfix, "app"));
            // The key's domain as an operator would write it: in Unicode.
            settings.replaceAll((k, v) -> k.endsWith(".domain") ? "bücher.example" : v);
            settings.put("mailwire.mailer.from", "shop@bücher.example");
            Containers.sendWithDefaultMailer(
                    settings,
                    Mail.builder()
                            .from("Bücherei <shop@bücher.example>")
                            .to("user@bücher.example")
                            .subject("IDN")
                            .text("t")
                            .build());
            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.header("To")).contains("user@" + A_LABELS);
            assertThat(delivered.header("From").orElseThrow()).contains("<shop@" + A_LABELS + ">");
            assertThat(delivered.deliveredTo()).contains("user@" + A_LABELS);
            postfix.log().awaitLine("from=<shop@" + A_LABELS + ">", Duration.ofSeconds(10));
            postfix.log().awaitLine("to=<user@" + A_LABELS + ">", Duration.ofSeconds(10));

            DkimVerifier.Result verdict = keys.verifier().verify(delivered.file());
            assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
            assertThat(verdict.lines()).allSatisfy(l -> assertThat(l).contains("d=" + A_LABELS));
        }
    }
}
