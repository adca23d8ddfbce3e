package dev.mailwire.jca;

import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.SmtpTlsException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * AUTH with a bearer token: XOAUTH2 (Google's, also Microsoft 365's) or OAUTHBEARER (RFC 7628), done by Mailwire
 * rather than Angus for three reasons. Angus has no OAUTHBEARER; on a refused token Angus does not answer the
 * server's error challenge ({@code 334 <base64 JSON>}) but throws with the raw challenge, so the JSON's
 * {@code status} never reaches the caller; and only here can Mailwire be sure the token goes over TLS. The AUTH line
 * is written straight to the TLS socket, past Angus's protocol trace, so that no log level (Angus FINEST or
 * {@code mail.debug}) ever shows the token; the server's replies, which carry no secret, go through Angus as usual.
 */
final class OAuthLogin {

    static final String XOAUTH2 = "XOAUTH2";
    static final String OAUTHBEARER = "OAUTHBEARER";
    static final List<String> MECHANISMS = List.of(XOAUTH2, OAUTHBEARER);

    private OAuthLogin() {}

    /**
     * Authenticates {@code user} with {@code token} on a connected transport.
     *
     * @throws TokenRefusedException the server refused the token (535, or an error challenge)
     * @throws SmtpAuthenticationException no usable mechanism was offered
     * @throws SmtpTlsException the connection is not TLS-protected: the token was not sent
     */
    static void authenticate(
            MailSettings s, StagedSmtpTransport transport, SocketCapture capture, String user, String token)
            throws MessagingException {
        SSLSocket tls = capture.tlsSocket();
        if (tls == null || !transport.isSSL()) {
            throw new SmtpTlsException(
                    s.mailer(), JcaMessages.NOT_TLS_FOR_TOKEN.format(s.mailer(), s.host(), s.port()), null);
        }
        String mechanism = choose(s, transport);
        String response = mechanism.equals(XOAUTH2)
                ? "user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001"
                : "n,a=" + saslName(user) + ",\u0001host=" + s.host() + "\u0001port=" + s.port() + "\u0001auth=Bearer "
                        + token + "\u0001\u0001";
        String line = "AUTH " + mechanism + " "
                + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        try {
            // Angus flushes after every command, so nothing of its own is waiting in its buffer.
            OutputStream out = tls.getOutputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The cause names only the I/O failure; the caller reports it as a failed connect (MWJCA-111).
            throw new MessagingException(mechanism + " AUTH: " + e.getMessage(), e);
        }
        int code = transport.readReply();
        if (code == 235) {
            return;
        }
        String challenge = null;
        if (code == 334) {
            challenge = transport.getLastServerResponse();
            // RFC 7628 §3.2.3: the client answers an error challenge with a lone ^A (XOAUTH2: an empty line), and
            // the server then ends the exchange with a failure reply.
            code = transport.simpleCommand(mechanism.equals(OAUTHBEARER) ? "AQ==" : "");
        }
        throw new TokenRefusedException(s, mechanism, code, transport.getLastServerResponse(), challenge);
    }

    /** The configured OAuth2 mechanism, or when both are allowed the one the server offers, OAUTHBEARER first. */
    private static String choose(MailSettings s, StagedSmtpTransport transport) {
        for (String m : s.authMechanisms()) {
            if (MECHANISMS.contains(m) && transport.offers(m)) {
                return m;
            }
        }
        throw new SmtpAuthenticationException(
                s.mailer(),
                JcaMessages.TOKEN_MECHANISM_NOT_OFFERED.format(
                        s.mailer(), s.host(), s.port(), String.join(" ", s.authMechanisms())),
                null);
    }

    /** RFC 7628 §3.1 / RFC 5801: in the GS2 header, ',' and '=' of the authorization identity are escaped. */
    static String saslName(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }
}
