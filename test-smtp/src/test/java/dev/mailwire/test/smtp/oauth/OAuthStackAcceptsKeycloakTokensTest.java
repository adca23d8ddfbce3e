package dev.mailwire.test.smtp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stack as the OAuth2 tests use it: a Keycloak token gets 235 at Postfix; another realm's token gets 334 JSON. */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // a first start on a busy machine took 143 s
class OAuthStackAcceptsKeycloakTokensTest {

    private static OAuthStack stack;

    @BeforeAll
    static void start() {
        stack = OAuthStack.shared(); // stopped when the JVM exits
        System.out.println("OAuth2 stack started in " + stack.startTime().toMillis() + " ms");
    }

    @Test
    void aTokenOfRealmMailAuthenticatesAndOneOfRealmOtherDoesNot() throws Exception {
        String good = token(stack.tokenEndpoint("mail"), stack.clientId(), stack.clientSecret());
        String foreign = token(stack.tokenEndpoint("other"), stack.clientId(), stack.otherRealmSecret());
        String user = OAuthStack.serviceAccount(stack.clientId());

        assertThat(auth(user, good)).startsWith("235");
        assertThat(auth(user, foreign)).startsWith("334 ");
        assertThat(stack.clientCredentialTokens(stack.clientId())).isGreaterThanOrEqualTo(1);
    }

    private String auth(String user, String token) throws Exception {
        var postfix = stack.postfix();
        try (Socket plain = new Socket(postfix.host(), postfix.port())) {
            plain.setSoTimeout(10_000);
            BufferedReader in = reader(plain);
            OutputStream out = plain.getOutputStream();
            read(in);
            command(out, "EHLO test");
            read(in);
            command(out, "STARTTLS");
            read(in);
            SSLSocket tls = (SSLSocket) postfix.certificates()
                    .clientContext()
                    .getSocketFactory()
                    .createSocket(plain, postfix.host(), postfix.port(), true);
            tls.startHandshake();
            BufferedReader tin = reader(tls);
            OutputStream tout = tls.getOutputStream();
            command(tout, "EHLO test");
            read(tin);
            String blob = "user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001";
            command(tout, "AUTH XOAUTH2 " + Base64.getEncoder().encodeToString(blob.getBytes(StandardCharsets.UTF_8)));
            return read(tin);
        }
    }

    private static BufferedReader reader(Socket s) throws Exception {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void command(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String read(BufferedReader in) throws Exception {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    static String token(String endpoint, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest post = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        String body = HttpClient.newHttpClient()
                .send(post, HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }
}
