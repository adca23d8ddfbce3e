package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, finding 8: {@code tls=NONE} is allowed for a loopback server only, but the host was checked once, when
 * the settings were read, while Angus resolves it again at each connect: after a DNS change the plaintext AUTH would
 * go off-host. The socket factory Mailwire gives Angus now checks the address each connect really goes to. A DNS
 * change cannot be staged in a unit test, so this asks that factory for a connect to this machine's own
 * non-loopback address, where a listener would see any connection.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PlaintextConnectsOnlyToLoopbackTest {

    @Test
    void aNonLoopbackAddressIsRefusedBeforeAnyPacket() throws IOException {
        InetAddress offHost = nonLoopbackAddress();
        assumeTrue(offHost != null, "this machine has no non-loopback IPv4 address to listen on");
        try (ServerSocket listener = new ServerSocket(0, 5, offHost);
                DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
            SocketFactory plain = plainSocketFactory(timer);

            assertThatThrownBy(() -> {
                        try (Socket s = plain.createSocket()) {
                            s.connect(new InetSocketAddress(offHost, listener.getLocalPort()), 2000);
                        }
                    })
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("loopback")
                    .hasMessageContaining("tls=NONE");
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void loopbackIsStillReached() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                DeadlineTimer timer = new DeadlineTimer("test-deadlines");
                Socket s = plainSocketFactory(timer).createSocket("127.0.0.1", listener.getLocalPort())) {
            assertThat(s.isConnected()).isTrue();
        }
    }

    private static SocketFactory plainSocketFactory(DeadlineTimer timer) {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("loopback");
        f.setHost("127.0.0.1");
        f.setTls("NONE");
        SessionFactory sessions = new SessionFactory(MailSettings.of(f, null), timer);
        return (SocketFactory) sessions.session().getProperties().get("mail.smtp.socketFactory");
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a.getAddress().length == 4 && nic.isUp()) {
                    return a;
                }
            }
        }
        return null;
    }
}
