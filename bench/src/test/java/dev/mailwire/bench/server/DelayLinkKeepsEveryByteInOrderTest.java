package dev.mailwire.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A relay that reordered, lost or added a byte would break TLS in the middle of a scenario (or worse, not): 4 MB of
 * random bytes in writes of random sizes go through the link to an echo server and back, and come back the same,
 * in order; the client's half-close reaches the server and the server's close comes back as the end of input.
 */
class DelayLinkKeepsEveryByteInOrderTest {

    @Test
    @Timeout(60)
    void randomBytesComeBackUnchangedAndTheCloseTravelsBothWays() throws Exception {
        byte[] sent = new byte[4 * 1024 * 1024];
        Random random = new Random(12);
        random.nextBytes(sent);
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                DelayLink link = DelayLink.start("127.0.0.1", server.getLocalPort(), Duration.ofMillis(2))) {
            server.setSoTimeout(10_000);
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> echoUntilEnd(server));
            try (Socket client = new Socket("127.0.0.1", link.port())) {
                client.setSoTimeout(10_000);
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeInPieces(client, sent, random));
                byte[] received = readToEnd(client.getInputStream());
                writer.get(30, TimeUnit.SECONDS);
                echo.get(30, TimeUnit.SECONDS);

                assertThat(received).hasSize(sent.length);
                assertThat(received).isEqualTo(sent);
            }
        }
    }

    private static void writeInPieces(Socket client, byte[] data, Random random) {
        try {
            OutputStream out = client.getOutputStream();
            int off = 0;
            while (off < data.length) {
                int n = Math.min(data.length - off, 1 + random.nextInt(20_000));
                out.write(data, off, n);
                off += n;
            }
            client.shutdownOutput();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void echoUntilEnd(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(10_000);
            s.getInputStream().transferTo(s.getOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
