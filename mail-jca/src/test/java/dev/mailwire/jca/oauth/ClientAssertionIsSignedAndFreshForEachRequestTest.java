package dev.mailwire.jca.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a client assertion key, each token request carries a new JWT (RFC 7523 §2.2) in place of a secret: issuer
 * and subject the client id, audience the token endpoint, a short life, a {@code jti} never seen before, the
 * certificate's thumbprints in the header, and a signature the certificate's public key verifies. For an RSA key
 * (RS256) and an EC key (ES256). The token endpoint here records the form; Keycloak's own check is
 * {@code dev.mailwire.jca.oauth2.ClientAssertionAuthenticatesAtKeycloakTest}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClientAssertionIsSignedAndFreshForEachRequestTest {

    private static final String CLIENT = "mailwire-client";

    @TempDir
    Path dir;

    @Test
    void rsaKeySignsRs256() throws Exception {
        check(ClientKeyStore.create(dir.resolve("rsa.p12"), "RSA", "2048"), "RS256", "SHA256withRSA");
    }

    @Test
    void ecKeySignsEs256() throws Exception {
        check(ClientKeyStore.create(dir.resolve("ec.p12"), "EC", "secp256r1"), "ES256", "SHA256withECDSAinP1363Format");
    }

    private void check(ClientKeyStore store, String alg, String jdkAlg) throws Exception {
        List<Map<String, String>> forms = new ArrayList<>();
        HttpServer issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/token", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                synchronized (forms) {
                    forms.add(form(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            byte[] answer = "{\"access_token\":\"opaque-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        issuer.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/token");
            ClientAssertionKey key = ClientAssertionKey.load(store.file(), ClientKeyStore.PASSWORD.toCharArray(), null);
            OAuth2Config config = new OAuth2Config(
                    "assertion-test",
                    endpoint,
                    CLIENT,
                    null,
                    key,
                    null,
                    null,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60));
            TokenSource source = new TokenSource(config, (delay, action) -> new CompletableFuture<>());
            AccessToken first = source.token();
            source.renew(first); // a second request, as after a refused token

            assertThat(forms).hasSize(2);
            Certificate cert = certificate(store);
            List<String> jtis = new ArrayList<>();
            for (Map<String, String> form : forms) {
                assertThat(form)
                        .containsEntry("grant_type", "client_credentials")
                        .containsEntry("client_id", CLIENT)
                        .containsEntry(
                                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .doesNotContainKey("client_secret");
                String[] jwt = form.get("client_assertion").split("\\.");
                assertThat(jwt).hasSize(3);
                Map<String, String> header = FlatJson.parse(decode(jwt[0]));
                Map<String, String> claims = FlatJson.parse(decode(jwt[1]));
                assertThat(header)
                        .containsEntry("alg", alg)
                        .containsEntry("typ", "JWT")
                        .containsEntry("x5t#S256", base64Url(digest("SHA-256", cert.getEncoded())))
                        .containsEntry("x5t", base64Url(digest("SHA-1", cert.getEncoded())))
                        .containsKey("kid");
                assertThat(claims)
                        .containsEntry("iss", CLIENT)
                        .containsEntry("sub", CLIENT)
                        .containsEntry("aud", endpoint.toString());
                long iat = Long.parseLong(claims.get("iat"));
                assertThat(Long.parseLong(claims.get("nbf"))).isEqualTo(iat);
                assertThat(Long.parseLong(claims.get("exp")) - iat).isEqualTo(300);
                assertThat(Math.abs(iat - System.currentTimeMillis() / 1000)).isLessThan(120);
                jtis.add(claims.get("jti"));

                Signature verifier = Signature.getInstance(jdkAlg);
                verifier.initVerify(cert.getPublicKey());
                verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2])))
                        .as("signature verified by the certificate")
                        .isTrue();
            }
            assertThat(jtis).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(jtis.get(0)).hasSizeGreaterThanOrEqualTo(16);
        } finally {
            issuer.stop(0);
        }
    }

    private static Certificate certificate(ClientKeyStore store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store.file())) {
            ks.load(in, ClientKeyStore.PASSWORD.toCharArray());
        }
        return ks.getCertificate(ClientKeyStore.ALIAS);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static byte[] digest(String alg, byte[] data) throws Exception {
        return MessageDigest.getInstance(alg).digest(data);
    }

    private static String base64Url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
