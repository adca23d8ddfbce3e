package dev.mailwire.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bench's round-trip dimension (issue 12) stands on this: a byte through the link reaches the server half a
 * round trip after it was written, the reply reaches the client half a round trip after the server wrote it, and
 * a burst is delayed once, not once per chunk (latency, no bandwidth limit). The round trip is large (200 ms) so
 * that "half, not whole" is told apart with room for a busy machine: each one-way time must be at least 100 ms and
 * under 200 ms.
 */
class DelayLinkDelaysEachDirectionByHalfTheRoundTripTest {

    private static final Duration RTT = Duration.ofMillis(200);
    private static final long HALF = RTT.toNanos() / 2;

    private ServerSocket server;
    private DelayLink link;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
        link = DelayLink.start("127.0.0.1", server.getLocalPort(), RTT);
    }

    @AfterEach
    void stop() throws IOException {
        link.close();
        server.close();
    }

    @Test
    @Timeout(20)
    void eachDirectionTakesHalfTheRoundTrip() throws Exception {
        try (Socket client = connect();
                Socket accepted = server.accept()) {
            OutputStream toServer = client.getOutputStream();
            InputStream atServer = accepted.getInputStream();
            InputStream atClient = client.getInputStream();
            for (int i = 0; i < 3; i++) {
                long written = System.nanoTime();
                toServer.write('Q');
                assertThat(atServer.read()).isEqualTo('Q');
                long arrived = System.nanoTime();
                accepted.getOutputStream().write('A');
                assertThat(atClient.read()).isEqualTo('A');
                long answered = System.nanoTime();

                assertThat(arrived - written).as("client → server").isBetween(HALF, RTT.toNanos() - 1);
                assertThat(answered - arrived).as("server → client").isBetween(HALF, RTT.toNanos() - 1);
            }
        }
    }

    @Test
    @Timeout(20)
    void aBurstIsDelayedOnceNotOncePerWrite() throws Exception {
        int writes = 20;
        try (Socket client = connect();
                Socket accepted = server.accept()) {
            byte[] received = new byte[writes];
            CompletableFuture<Long> lastArrival = CompletableFuture.supplyAsync(() -> {
                try {
                    InputStream in = accepted.getInputStream();
                    for (int i = 0; i < writes; i++) {
                        received[i] = (byte) in.read();
                    }
                    return System.nanoTime();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long lastWritten = 0;
            for (int i = 0; i < writes; i++) {
                client.getOutputStream().write(i);
                lastWritten = System.nanoTime();
                Thread.sleep(2); // separate segments, each read and queued on its own
            }
            long last = lastArrival.get(10, TimeUnit.SECONDS);

            assertThat(received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
            // Half a round trip after the last write, not writes × half a round trip after the first (2 s).
            assertThat(last - lastWritten).isBetween(HALF, RTT.toNanos() - 1);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", link.port());
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return s;
    }
}
