package dev.mailwire.it.reliability.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;

/**
 * Client threads blocked reading, writing or connecting a socket: after a stall has been dealt with there must be
 * none. The fake server's own threads ({@code fake-smtp-}), the JDBC driver's (PostgreSQL keeps its sockets open
 * while idle) and listeners waiting in {@code accept} (Narayana's transaction status manager) are not the client's
 * SMTP side.
 */
public final class SocketThreads {

    private SocketThreads() {}

    public static List<String> inSmtpSocketIo() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
        return Arrays.stream(threads)
                .filter(t -> !t.getThreadName().startsWith("fake-smtp-"))
                .filter(SocketThreads::inSocketIo)
                .filter(t -> Arrays.stream(t.getStackTrace())
                        .noneMatch(f -> f.getClassName().startsWith("org.postgresql.")))
                .map(t -> t.getThreadName() + " " + Arrays.toString(t.getStackTrace()))
                .toList();
    }

    /** Waits up to {@code millis} for the list to empty (a thread may be on its way out of a closed socket). */
    public static List<String> awaitNone(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<String> stuck = inSmtpSocketIo();
        while (!stuck.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            stuck = inSmtpSocketIo();
        }
        return stuck;
    }

    private static boolean inSocketIo(ThreadInfo t) {
        if (Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("accept"))) {
            return false;
        }
        return Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().startsWith("sun.nio.ch.NioSocketImpl")
                        || f.getClassName().equals("java.net.SocketInputStream")
                        || f.getClassName().equals("java.net.SocketOutputStream")
                        || f.getClassName().startsWith("sun.security.ssl.SSLSocketImpl$AppInputStream"));
    }
}
