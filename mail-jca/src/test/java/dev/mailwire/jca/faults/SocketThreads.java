package dev.mailwire.jca.faults;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;

/** Finds threads of the client side (not the fake server's own) that are blocked in socket I/O. */
final class SocketThreads {

    private SocketThreads() {}

    static List<String> clientThreadsInSocketIo() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
        return Arrays.stream(threads)
                .filter(t -> !t.getThreadName().startsWith("fake-smtp-"))
                .filter(SocketThreads::inSocketIo)
                .map(t -> t.getThreadName() + " " + Arrays.toString(t.getStackTrace()))
                .toList();
    }

    private static boolean inSocketIo(ThreadInfo t) {
        return Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().startsWith("sun.nio.ch.NioSocketImpl")
                        || f.getClassName().equals("java.net.SocketInputStream")
                        || f.getClassName().equals("java.net.SocketOutputStream")
                        || f.getClassName().startsWith("sun.security.ssl.SSLSocketImpl$AppInputStream"));
    }
}
