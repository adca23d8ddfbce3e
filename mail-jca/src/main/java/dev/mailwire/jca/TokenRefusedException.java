package dev.mailwire.jca;

import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.jca.oauth.ErrorChallenge;

/**
 * The SMTP server refused an OAuth2 access token: a 535, or an error challenge (RFC 7628 §3.2.2: {@code 334} and a
 * base64 JSON with {@code status}, {@code scope}, {@code schemes}) and then a failure reply. The message names the
 * mailer and what the JSON says, never the token.
 */
final class TokenRefusedException extends SmtpAuthenticationException {

    private static final long serialVersionUID = 1L;

    TokenRefusedException(MailSettings s, String mechanism, int code, String finalReply, String challenge) {
        super(s.mailer(), message(s, mechanism, code, finalReply, challenge), null);
    }

    private static String message(MailSettings s, String mechanism, int code, String finalReply, String challenge) {
        String reply = code + (finalReply == null ? "" : " " + oneLine(finalReply));
        String answer = challenge == null ? reply : ErrorChallenge.describe(challenge) + ", then " + reply;
        return JcaMessages.TOKEN_REFUSED.format(s.mailer(), s.host(), s.port(), mechanism, s.username(), answer);
    }

    /** Server reply text, first line, bounded: it is shown to people, and never holds our token. */
    private static String oneLine(String reply) {
        String line = reply.strip().lines().findFirst().orElse("");
        // The code is shown already; keep what follows it.
        if (line.length() > 4 && Character.isDigit(line.charAt(0))) {
            line = line.substring(4);
        }
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
