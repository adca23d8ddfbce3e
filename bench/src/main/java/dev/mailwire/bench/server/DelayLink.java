package dev.mailwire.bench.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of one server that delays each direction by half a round-trip time (issue 12):
 * what a relay host 2–50 ms away costs a client, without leaving the machine. Every connection accepted gets its
 * own connection to the server and one {@link DelayedDirection} each way, so bytes keep their order and neither
 * direction waits for the other. No bandwidth limit: what is read is written once its delay is up, however much.
 * TCP_NODELAY on both sides, so the link adds no Nagle or delayed-ACK stall of its own (DESIGN §6: Angus's
 * handshakes stall on delayed ACKs without it; that is the client's to show, not the link's).
 */
public final class DelayLink implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final Duration roundTrip;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DelayLink(ServerSocket listener, InetSocketAddress server, Duration roundTrip) {
        this.listener = listener;
        this.server = server;
        this.roundTrip = roundTrip;
    }

    /** Listens on a free port of 127.0.0.1 and relays every connection to {@code host:port}. */
    public static DelayLink start(String host, int port, Duration roundTrip) throws IOException {
        if (roundTrip.isNegative()) {
            throw new IllegalArgumentException("a round-trip time cannot be negative: " + roundTrip);
        }
        ServerSocket listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        DelayLink link = new DelayLink(listener, new InetSocketAddress(host, port), roundTrip);
        Thread acceptor = new Thread(link::acceptAll, "delay-link-" + roundTrip.toMillis() + "ms-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return link;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Duration roundTrip() {
        return roundTrip;
    }

    private void acceptAll() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                relay(client);
            } catch (IOException e) {
                // The server refused or is gone: the client sees its connection closed, as it would without the link.
                closeQuietly(client);
            }
        }
    }

    private void relay(Socket client) throws IOException {
        open.add(client);
        client.setTcpNoDelay(true);
        Socket upstream = new Socket();
        open.add(upstream);
        upstream.setTcpNoDelay(true);
        upstream.connect(server, 10_000);
        long oneWay = roundTrip.toNanos() / 2;
        Runnable bothDone = new BothDirectionsDone(client, upstream);
        String name = "delay-link-" + roundTrip.toMillis() + "ms-" + client.getPort();
        DelayedDirection.start(client, upstream, oneWay, bothDone, name + "-up");
        DelayedDirection.start(upstream, client, oneWay, bothDone, name + "-down");
    }

    /** Closes the two sockets of a connection once both directions have ended (or one failed). */
    private final class BothDirectionsDone implements Runnable {
        private final Socket client;
        private final Socket upstream;
        private int ended;

        BothDirectionsDone(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        @Override
        public synchronized void run() {
            if (++ended == 2) {
                closeQuietly(client);
                closeQuietly(upstream);
                open.remove(client);
                open.remove(upstream);
            }
        }
    }

    /** Stops accepting and closes every relayed connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // nothing left to release
        }
        open.forEach(DelayLink::closeQuietly);
        open.clear();
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }

    @Override
    public String toString() {
        return "delay link 127.0.0.1:" + port() + " → " + server + ", RTT " + roundTrip.toMillis() + " ms";
    }
}
