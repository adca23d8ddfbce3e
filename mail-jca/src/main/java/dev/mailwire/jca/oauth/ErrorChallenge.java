package dev.mailwire.jca.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * An SMTP server's OAuth2 error challenge (RFC 7628 §3.2.2; Google's XOAUTH2 sends the same): {@code 334} and a
 * base64 JSON object such as {@code {"status":"401","schemes":"bearer","scope":"mail"}}.
 */
public final class ErrorChallenge {

    private ErrorChallenge() {}

    /**
     * What the challenge says, for a person: {@code status=invalid_token, scope=mail}; or that it could not be read.
     * Only the {@code status}, {@code scope} and {@code schemes} members are shown, each bounded.
     */
    public static String describe(String reply) {
        String text = reply.strip();
        if (text.startsWith("334")) {
            text = text.substring(3).strip();
        }
        try {
            String json = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            Map<String, String> members = FlatJson.parse(json);
            StringBuilder s = new StringBuilder("error challenge");
            String sep = " ";
            for (String key : new String[] {"status", "scope", "schemes"}) {
                String v = members.get(key);
                if (v != null) {
                    s.append(sep).append(key).append('=').append(v.length() > 80 ? v.substring(0, 80) : v);
                    sep = ", ";
                }
            }
            return s.toString();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "an error challenge that is not base64 JSON";
        }
    }
}
