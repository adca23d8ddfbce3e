package dev.mailwire.test.smtp.fake;

import dev.mailwire.test.smtp.tls.TestCertificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@link FakeSmtpServerBuilder} decided; fixed for the server's life (the behaviour is swapped apart). */
record FakeSmtpConfig(
        String greetingName,
        boolean startTls,
        boolean requireTls,
        boolean authBeforeTls,
        boolean requireAuth,
        List<String> authMechanisms,
        Map<String, String> users,
        long sizeLimit,
        List<String> extensions,
        TestCertificates certificates,
        List<String> tlsProtocols,
        Duration idleTimeout,
        int receiveBufferSize) {

    /** The EHLO keywords a well-behaved server offers at this point, before a behaviour bends them. */
    List<String> capabilities(boolean tlsActive) {
        List<String> capabilities = new ArrayList<>(extensions);
        if (sizeLimit > 0) {
            capabilities.add("SIZE " + sizeLimit);
        }
        if (startTls && !tlsActive) {
            capabilities.add("STARTTLS");
        }
        if (offersAuth(tlsActive)) {
            capabilities.add("AUTH " + String.join(" ", authMechanisms));
        }
        return List.copyOf(capabilities);
    }

    /** AUTH is offered after TLS, or before it too when the server is built to (a bad server). */
    boolean offersAuth(boolean tlsActive) {
        return !authMechanisms.isEmpty() && (tlsActive || authBeforeTls || !startTls);
    }
}
