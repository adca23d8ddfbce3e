package dev.mailwire.jca.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the one JSON shape OAuth2 needs: a token endpoint's answer (RFC 6749 §5.1, §5.2) or an SMTP server's error
 * challenge (RFC 7628 §3.2.2), both a flat object of strings, numbers and booleans. Nested values are skipped. Not
 * jakarta.json: it is an API only, and embedded Mailwire would need an implementation (Parsson) on the class path for
 * these few fields; and no JSON library is on the adapter's class path in WildFly or Payara that every server shares.
 */
final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * The top-level members with scalar values, as text ({@code 3600}, {@code true}); nested ones are left out.
     *
     * @throws IllegalArgumentException if {@code text} is not a JSON object (the message never quotes the text: it
     *     may hold a token)
     */
    static Map<String, String> parse(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, String> members = new LinkedHashMap<>();
        p.expect('{');
        if (p.peek() == '}') {
            p.at++;
            return members;
        }
        do {
            String key = p.string();
            p.expect(':');
            String value = p.value();
            if (value != null) {
                members.put(key, value);
            }
        } while (p.comma());
        p.expect('}');
        return members;
    }

    private boolean comma() {
        if (peek() == ',') {
            at++;
            return true;
        }
        return false;
    }

    private String value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            skipNested();
            return null;
        }
        int start = at;
        while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String literal = text.substring(start, at);
        if (literal.isEmpty()) {
            throw malformed();
        }
        return literal.equals("null") ? null : literal;
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = text.charAt(at);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            at++;
        } while (depth > 0 && at < text.length());
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> {
                    s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> s.append(e); // \" \\ \/
            }
        }
        throw malformed();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw malformed();
        }
        at++;
    }

    private char peek() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length()) {
            throw malformed();
        }
        return text.charAt(at);
    }

    /** Carries no text: both callers report what the peer answered in their own catalogued words (MWJCA-114). */
    private IllegalArgumentException malformed() {
        return new IllegalArgumentException();
    }
}
