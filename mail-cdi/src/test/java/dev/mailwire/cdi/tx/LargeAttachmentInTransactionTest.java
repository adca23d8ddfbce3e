package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 200 MB single-use attachment sent inside a transaction, in a JVM with a 64 MB heap. The transactional path
 * rendered the whole message into a byte array before it checked {@code max-message-size}, and ran out of memory.
 * Now it is written to a temporary file while counting, streamed into the outbox BLOB (H2 on disk: PostgreSQL's
 * driver holds a BYTEA whole in heap when it reads it back), read back as a stream and sent to Postfix's
 * {@code smtp-sink}, which throws it away (a private Postfix would refuse it: its message_size_limit is 10 MB). With
 * {@code max-message-size} at its default (25 MiB) the same mail is refused before commit, naming the field, and
 * no row is left.
 */
@Timeout(300)
class LargeAttachmentInTransactionTest {

    private static final long ATTACHMENT = 200L * 1024 * 1024;

    @Test
    void deliveredThroughTheTableOutboxInASmallHeap() throws Exception {
        try (Sink sink = Sink.start()) {
            Map<String, String> p = settings(sink.port);
            p.put("mailwire.mailer.max-message-size", String.valueOf(300L * 1024 * 1024)); // base64: ~274 MB
            try (Node node = Node.start("large-delivered", p, LargeAttachmentNode.class, "-Xmx64m")) {
                node.await("DELIVERED", Duration.ofMinutes(4));
                node.await("ROWS 1", Duration.ofSeconds(30)); // the SENT row, kept for outbox.retention
            } finally {
                deleteDatabase(p);
            }
        }
    }

    @Test
    void refusedBeforeCommitAtTheDefaultMaximum() throws Exception {
        try (Sink sink = Sink.start()) {
            Map<String, String> settings = settings(sink.port);
            try (Node node = Node.start("large-refused", settings, LargeAttachmentNode.class, "-Xmx64m")) {
                node.await("REFUSED size", Duration.ofMinutes(2));
                node.await("ROWS 0", Duration.ofSeconds(30));
                assertThat(node.committed()).isEmpty();
            } finally {
                deleteDatabase(settings);
            }
        }
    }

    /** The H2 file holds the 274 MB message until deleted. */
    private static void deleteDatabase(Map<String, String> settings) throws IOException {
        String url = settings.get("node.jdbc-url");
        Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
        Files.deleteIfExists(file);
    }

    private static Map<String, String> settings(int port) throws IOException {
        Path db = Files.createDirectories(Path.of("target", "large")).toAbsolutePath();
        Map<String, String> p = new HashMap<>();
        // H2's page cache defaults to 16 MB, a quarter of this heap; its writer serialises a LOB's pages in heap too,
        // and on a loaded machine the two together once ran the node out of memory inside H2 (not in Mailwire).
        p.put(
                "node.jdbc-url",
                "jdbc:h2:file:" + db.resolve(UUID.randomUUID().toString()) + ";DB_CLOSE_DELAY=-1;CACHE_SIZE=2048");
        p.put("node.attachment-bytes", String.valueOf(ATTACHMENT));
        p.put("node.to", "ada@example.org");
        p.put("mailwire.mailer.host", "127.0.0.1");
        p.put("mailwire.mailer.port", String.valueOf(port));
        p.put("mailwire.mailer.tls", "NONE");
        p.put("mailwire.mailer.from", "app@example.org");
        p.put("mailwire.mailer.send-timeout", "PT90S");
        p.put("mailwire.mailer.outbox.datasource", "outbox");
        p.put("mailwire.mailer.outbox.lease", "PT3M");
        p.put("mailwire.mailer.outbox.poll-interval", "PT1S");
        return p;
    }

    /** Postfix's {@code smtp-sink} on a free loopback port: reads each message and throws it away. */
    private static final class Sink implements AutoCloseable {
        private final Process process;
        private final int port;

        private Sink(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Sink start() throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            // -a: no AUTH offered; -u nobody: it refuses to run as root.
            Process process = new ProcessBuilder(
                            List.of("/usr/sbin/smtp-sink", "-a", "-4", "-u", "nobody", "127.0.0.1:" + port, "16"))
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Path.of("target", "smtp-sink-" + port + ".log").toFile())
                    .start();
            Sink sink = new Sink(process, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return sink;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        sink.close();
                        throw new IllegalStateException("smtp-sink did not listen on " + port, notYet);
                    }
                    Thread.sleep(20);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
