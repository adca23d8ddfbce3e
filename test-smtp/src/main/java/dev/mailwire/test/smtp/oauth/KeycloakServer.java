package dev.mailwire.test.smtp.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Keycloak in dev mode (embedded H2 file store) on a free loopback port. The first start imports the realms and,
 * once it answered and stopped cleanly, leaves its database as a template keyed by the realms' text: later starts copy it back and
 * skip Liquibase and the import (about 6 s instead of 12). Success events are logged at DEBUG by Keycloak's
 * jboss-logging listener, which is how tests count the tokens Keycloak issued.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path home;
    private final int port;
    private final Path log;
    private final Path template;
    private final Process process;
    private final boolean imported;
    /** Set once the realms answered: only then is the database worth keeping as a template. */
    private volatile boolean ready;

    private KeycloakServer(Path home, int port, Path log, Path template, Process process, boolean imported) {
        this.home = home;
        this.port = port;
        this.log = log;
        this.template = template;
        this.process = process;
        this.imported = imported;
    }

    /** Starts the process without waiting for it; {@link #awaitReady} waits. */
    static KeycloakServer launch(Path base, int port, List<String> realms) {
        Path home = KeycloakDistribution.unpacked(base);
        Path template = base.resolve(
                "h2-template-" + Integer.toHexString(String.join("\n", realms).hashCode()));
        try {
            Path data = home.resolve("data");
            KeycloakDistribution.deleteTree(data);
            boolean fromTemplate = Files.isDirectory(template);
            if (fromTemplate) {
                KeycloakDistribution.copyTree(template, data.resolve("h2"));
            } else {
                Files.createDirectories(data.resolve("import"));
                for (int i = 0; i < realms.size(); i++) {
                    Files.writeString(data.resolve("import/realm-" + i + ".json"), realms.get(i));
                }
            }
            Path log = base.resolve("keycloak-" + port + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    // A fixed issuer, whatever Host header a client uses.
                    "--hostname=http://127.0.0.1:" + port,
                    "--log-level=INFO,org.keycloak.events:debug"));
            if (!fromTemplate) {
                command.add("--import-realm");
            }
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("JAVA_HOME", KeycloakDistribution.javaHome().toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            // A test Keycloak answers a few hundred requests, then stops: C2's compilations never pay back. The client
            // compiler alone cut a start's CPU from about 23 s to 14 s (kc.sh appends this to its JVM options).
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            return new KeycloakServer(home, port, log, template, pb.start(), !fromTemplate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    /** Waits until realm {@code mail} answers its discovery URL; throws with the log's tail after {@code timeout}. */
    void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer("mail") + "/.well-known/openid-configuration");
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(30));
            }
            try {
                HttpRequest get = HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(2))
                        .build();
                if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException(
                "Keycloak did not answer " + discovery + " within " + timeout + ":\n" + tail(30));
    }

    int port() {
        return port;
    }

    String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** How many successful events of {@code type} (CLIENT_LOGIN, REFRESH_TOKEN, LOGIN…) Keycloak logged for a client. */
    long events(String type, String clientId) {
        Pattern p = Pattern.compile("type=\"?" + type + "\"?,.*clientId=\"?" + Pattern.quote(clientId) + "\"?[,\\s]");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> p.matcher(l).find())
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * SIGTERM to kc.sh, which forwards it to the JVM; after a grace period, SIGKILL to it and every descendant (a
     * killed kc.sh would orphan the JVM). A clean first stop saves the database as the template.
     */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean clean = awaitExit(process.toHandle(), STOP_GRACE)
                && descendants.stream().allMatch(d -> awaitExit(d, Duration.ofSeconds(5)));
        if (!clean) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (clean && ready && imported && !Files.isDirectory(template)) {
            try {
                KeycloakDistribution.copyTree(home.resolve("data/h2"), template);
            } catch (IOException e) {
                System.err.println("mailwire: could not save Keycloak's database as a template: " + e);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle p, Duration limit) {
        try {
            p.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !p.isAlive();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
