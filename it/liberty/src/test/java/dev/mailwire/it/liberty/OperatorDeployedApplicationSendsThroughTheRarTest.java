package dev.mailwire.it.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.it.support.UserWar;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The application as docs/open-liberty.md tells an operator to install it: the WAR in the server's {@code apps/} and a
 * {@code <webApplication>} with {@code <classloader classProviderRef="mailwire"/>}, here in a configuration drop-in
 * (Liberty applies it while running). Its mail goes out through the RAR; without the class provider the same WAR
 * cannot start, since it does not see the RAR's classes (the guide's troubleshooting).
 */
@ServerTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OperatorDeployedApplicationSendsThroughTheRarTest {

    private static final String NAME = "operator-war";
    private static final Duration START = Duration.ofSeconds(60);

    private final Path server =
            Path.of(System.getProperty("wlp.home"), "usr", "servers", System.getProperty("wlp.server"));
    private final Path war = server.resolve("apps").resolve(NAME + ".war");
    private final Path dropIn =
            server.resolve("configDropins").resolve("overrides").resolve(NAME + ".xml");
    private final URL base = url("http://127.0.0.1:9080/" + NAME);

    @AfterEach
    void uninstall() throws Exception {
        Files.deleteIfExists(dropIn);
        awaitStatus(404);
        Files.deleteIfExists(war);
    }

    @Test
    void withTheClassProviderItsMailGoesOutThroughTheRar() throws Exception {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();
        install("<classloader classProviderRef=\"mailwire\"/>");
        awaitStatus(405); // GET on the POST-only servlet: the application is up

        assertThat(Http.post(
                        base,
                        "orders/place",
                        Map.of("to", postfix.address("inbox"), "subject", "operator", "cancel", "false")))
                .isEqualTo("placed");

        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30)))
                .extracting(message -> message.subject().orElse(""))
                .containsExactly("operator");
        assertThat(postfix.log().sessions())
                .allSatisfy(session -> assertThat(session.users()).isSubsetOf("operatorapp"));
    }

    @Test
    void withoutTheClassProviderItDoesNotStart() throws Exception {
        Path log = server.resolve("logs").resolve("messages.log");
        long before = Files.size(log);
        install("");

        String failure =
                awaitLog(log, before, "CWWKZ0002E: An exception occurred while starting the application " + NAME);
        assertThat(failure).contains("NoClassDefFoundError: dev/mailwire/");
        assertThat(Http.status(base, "orders/place")).isEqualTo(404);
    }

    /** The user's WAR, as built, in apps/, and a drop-in declaring it with {@code classloader} inside. */
    private void install(String classloader) throws IOException {
        Files.createDirectories(war.getParent());
        UserWar.deployment(NAME, "operatorapp").as(ZipExporter.class).exportTo(war.toFile(), true);
        Files.createDirectories(dropIn.getParent());
        Files.writeString(dropIn, """
                <server>
                  <webApplication id="%s" location="%s.war" contextRoot="/%s">
                    %s
                  </webApplication>
                </server>
                """.formatted(NAME, NAME, NAME, classloader), StandardCharsets.UTF_8);
    }

    private void awaitStatus(int expected) throws InterruptedException {
        long end = System.nanoTime() + START.toNanos();
        int status;
        do {
            status = Http.status(base, "orders/place");
            if (status == expected) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < end);
        throw new AssertionError(base + " answered " + status + ", not " + expected + ", for " + START);
    }

    /** The first line of {@code log} after {@code offset} that contains {@code text}, waiting for it. */
    private static String awaitLog(Path log, long offset, String text) throws Exception {
        long end = System.nanoTime() + START.toNanos();
        do {
            byte[] all = Files.readAllBytes(log);
            String written = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
            for (String line : written.split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(250);
        } while (System.nanoTime() < end);
        throw new AssertionError("no '" + text + "' in " + log + " within " + START);
    }

    private static URL url(String spec) {
        try {
            return URI.create(spec).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
