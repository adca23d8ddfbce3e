package dev.mailwire.jca.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An assertion is never reused, and the real issuer would notice if it were: Keycloak takes an assertion once and
 * refuses the same one again ({@code jti} replay check), yet one token source's successive requests are all
 * granted, because each carries a new assertion. Nothing of an assertion or token is printed.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class KeycloakTakesEachNewAssertionButNotAReplayTest {

    @Test
    void aReplayedAssertionIsRefusedAndTheSourcesRequestsAreNot() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        URI endpoint = URI.create(stack.tokenEndpoint("mail"));
        ClientAssertionKey key =
                ClientAssertionKey.load(stack.jwtClientKeys().file(), ClientKeyStore.PASSWORD.toCharArray(), null);

        // The premise: this issuer refuses an assertion it has seen.
        String once = ClientAssertion.sign(key, stack.jwtClientId(), endpoint, Instant.now());
        assertThat(post(endpoint, stack.jwtClientId(), once)).isEqualTo(200);
        assertThat(post(endpoint, stack.jwtClientId(), once)).isBetween(400, 401);

        OAuth2Config config = new OAuth2Config(
                "replay-test",
                endpoint,
                stack.jwtClientId(),
                null,
                key,
                null,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        TokenSource source = new TokenSource(config, (delay, action) -> new CompletableFuture<>());
        AccessToken first = source.token();
        AccessToken second = source.renew(first); // throws if Keycloak refused the request
        AccessToken third = source.renew(second);
        assertThat(source.requests()).isEqualTo(3);
        assertThat(third).isNotSameAs(second).isNotSameAs(first);
    }

    /** The status of a client-credentials request authenticated by {@code assertion}; the body is not kept. */
    private static int post(URI endpoint, String clientId, String assertion) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_assertion_type=" + URLEncoder.encode(ClientAssertion.TYPE, StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
