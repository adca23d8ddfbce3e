package dev.mailwire.test.smtp.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a server that records what the client sent, one entry per read: how a
 * client's writes reach the wire. On loopback a small write arrives in one read, and a client that waits for a reply
 * before writing again never has two writes merged, so the entries count the client's flushes (over TLS: its TLS
 * records, one per flush). Every byte is forwarded unchanged, in both directions.
 */
public final class RecordingProxy implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final List<byte[]> fromClient = new CopyOnWriteArrayList<>();

    private RecordingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        this.acceptor = new Thread(this::accept, "recording-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy on a free loopback port forwarding to {@code host:port}. */
    public static RecordingProxy to(String host, int port) {
        try {
            return new RecordingProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the recording proxy", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many reads from clients so far (all connections). */
    public int clientWrites() {
        return fromClient.size();
    }

    /** The reads from clients from index {@code from} on, each as ISO-8859-1 text (binary shows as is). */
    public List<String> clientWritesSince(int from) {
        List<String> out = new ArrayList<>();
        List<byte[]> all = new ArrayList<>(fromClient);
        for (byte[] b : all.subList(Math.min(from, all.size()), all.size())) {
            out.add(new String(b, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                sockets.add(client);
                sockets.add(server);
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                // the listener was closed, or the target refused: the client sees its connection closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean record) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream in = from.getInputStream()) {
                        OutputStream out = to.getOutputStream();
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            if (record) {
                                fromClient.add(Arrays.copyOf(buffer, n));
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed: close both below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "recording-proxy-pump");
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    /** Closes the listener and every proxied connection, and waits (boundedly) for the threads. */
    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(RecordingProxy::closeQuietly);
        join(acceptor);
        pumps.forEach(RecordingProxy::join);
    }

    private static void join(Thread t) {
        try {
            t.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing is all that is wanted
        }
    }
}
