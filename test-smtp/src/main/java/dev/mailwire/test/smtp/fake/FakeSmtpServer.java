package dev.mailwire.test.smtp.fake;

import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An in-process SMTP server for fault injection: it speaks enough ESMTP (STARTTLS, AUTH PLAIN/LOGIN/XOAUTH2,
 * MAIL/RCPT/DATA/RSET/NOOP/QUIT) and lets a {@link Behaviour} bend any step. For how a real server behaves, use
 * {@code PrivatePostfix}; this one is for what a real server cannot be made to do on cue.
 *
 * <p>It binds 127.0.0.1 on a free port, serves each connection on its own daemon thread, and records everything
 * the client did: {@link #transcripts()}, {@link #messages()}, command counts. {@link #close()} closes every
 * connection and waits (boundedly) for the threads.
 *
 * <pre>{@code
 * try (FakeSmtpServer server = FakeSmtpServer.builder().behaviour(Faults.rcpt("x@test", 450, "4.2.0 later")).start()) {
 *     // send to server.host():server.port(), trusting server.trustStore()
 *     server.awaitMessages(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class FakeSmtpServer implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final FakeSmtpConfig config;
    private final ServerSocket serverSocket;
    private final SSLContext sslContext;
    private final Thread acceptor;
    private final List<ConnectionHandler> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> commandCounts = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Behaviour behaviour;

    private FakeSmtpServer(FakeSmtpConfig config, Behaviour behaviour) throws IOException {
        this.config = config;
        this.behaviour = behaviour;
        this.sslContext = config.certificates().serverContext();
        this.serverSocket = new ServerSocket();
        if (config.receiveBufferSize() > 0) {
            serverSocket.setReceiveBufferSize(config.receiveBufferSize()); // inherited by accepted sockets
        }
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        this.acceptor = new Thread(this::acceptLoop, "fake-smtp-" + port() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeSmtpServerBuilder builder() {
        return new FakeSmtpServerBuilder();
    }

    static FakeSmtpServer start(FakeSmtpConfig config, Behaviour behaviour) {
        try {
            return new FakeSmtpServer(config, behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake SMTP server on 127.0.0.1", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public TestCertificates certificates() {
        return config.certificates();
    }

    public Path trustStore() {
        return config.certificates().trustStore();
    }

    public String trustStorePassword() {
        return config.certificates().password();
    }

    public String trustStoreType() {
        return config.certificates().storeType();
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** Swaps the behaviour; connections pick it up at their next step. */
    public void behaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Connections accepted so far. */
    public int connectionCount() {
        return connections.size();
    }

    /** Connections not yet closed (a hung connection counts until the client or the server closes it). */
    public int openConnections() {
        return (int)
                connections.stream().filter(c -> !c.transcript().isClosed()).count();
    }

    /** Every message read to its final dot, in order (also those a behaviour then refused or never answered). */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    public List<Transcript> transcripts() {
        return connections.stream().map(ConnectionHandler::transcript).toList();
    }

    public Transcript transcript(int connection) {
        return connections.get(connection).transcript();
    }

    /** Per connection (in order), the identities that authenticated on it: never more than one each, normally. */
    public List<List<String>> authIdentitiesPerConnection() {
        return transcripts().stream().map(Transcript::authIdentities).toList();
    }

    /** How many commands with this verb (e.g. {@code NOOP}) all connections sent. */
    public int commandCount(String verb) {
        AtomicInteger count = commandCounts.get(verb.toUpperCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    public int noopCount() {
        return commandCount("NOOP");
    }

    public int rsetCount() {
        return commandCount("RSET");
    }

    public void awaitConnections(int count, Duration timeout) {
        await(() -> connectionCount() >= count, timeout, count + " connection(s)");
    }

    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        await(() -> messages.size() >= count, timeout, count + " message(s)");
        return messages();
    }

    /** Waits until no connection is open, e.g. after the client closed its pool. */
    public void awaitNoOpenConnections(Duration timeout) {
        await(() -> openConnections() == 0, timeout, "all connections closed");
    }

    /** Stops accepting, closes every connection and waits for their threads (at most a few seconds). */
    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(ConnectionHandler::closeSocket);
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        for (Thread thread : List.copyOf(threads)) {
            join(thread, deadline);
        }
        join(acceptor, deadline);
    }

    @Override
    public String toString() {
        return "FakeSmtpServer[" + host() + ":" + port() + ", " + connectionCount() + " connection(s)]";
    }

    /** The server side of a STARTTLS handshake over {@code plain}, with the configured certificate and versions. */
    SSLSocket serverSideTls(Socket plain) throws IOException {
        SSLSocket secure = (SSLSocket) sslContext
                .getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        secure.setUseClientMode(false);
        if (!config.tlsProtocols().isEmpty()) {
            secure.setEnabledProtocols(config.tlsProtocols().toArray(String[]::new));
        }
        return secure;
    }

    void countCommand(String verb) {
        commandCounts.computeIfAbsent(verb, v -> new AtomicInteger()).incrementAndGet();
    }

    void received(ReceivedMessage message) {
        messages.add(message);
    }

    /** Blocks a connection that stopped reading until the server closes. */
    void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (closing.getCount() > 0) {
            try {
                Socket socket = serverSocket.accept();
                ConnectionHandler handler = new ConnectionHandler(this, config, socket, connections.size());
                connections.add(handler);
                Thread thread = new Thread(handler, "fake-smtp-" + port() + "-" + handler.index());
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
                System.err.println("fake SMTP server: accept failed: " + e);
            }
        }
    }

    private void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake SMTP server did not see " + what + " within " + timeout + "; "
                        + connectionCount() + " connection(s), " + messages.size() + " message(s)\n"
                        + String.join(
                                "\n",
                                transcripts().stream().map(Transcript::toString).toList()));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        long remaining = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        try {
            thread.join(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
