package dev.mailwire.cdi.stats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Removes one mailer's credentials from text before it reaches a health response, a log line, a metric or a span:
 * the user name, the passwords, recent XOAUTH2 tokens, and their Base64 forms as an AUTH exchange carries them. Error
 * texts come from Angus and the JDK as well as from Mailwire, and a server may echo what it was sent; this is the
 * last line, not the only one.
 *
 * <p>Beyond the specifications: public only for Mailwire's own modules.
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "***";

    /** Whatever follows AUTH on a line: an initial response or a token, in whatever encoding. */
    private static final Pattern AUTH_ARGUMENT =
            Pattern.compile("(?i)(\\bAUTH\\s+(?:PLAIN|LOGIN|XOAUTH2|CRAM-MD5)\\s+)\\S+");
    /** Tokens remembered for scrubbing; a token lives an hour or so, a few are enough. */
    private static final int TOKENS_KEPT = 4;

    private final List<String> fixed;
    private final ConcurrentLinkedDeque<String> tokens = new ConcurrentLinkedDeque<>();

    private Secrets(List<String> fixed) {
        this.fixed = fixed;
    }

    /** Nothing to scrub but AUTH arguments (mock mode, a server's connection factory). */
    public static Secrets none() {
        return new Secrets(List.of());
    }

    /**
     * @param username the AUTH user name, or null
     * @param secrets passwords and other secret values, null entries ignored
     */
    public static Secrets of(String username, Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        add(all, username);
        secrets.forEach(s -> add(all, s));
        if (username != null) {
            for (String s : secrets) {
                if (s != null) {
                    add(all, b64("\0" + username + "\0" + s)); // AUTH PLAIN's initial response (RFC 4616)
                }
            }
        }
        return new Secrets(longestFirst(all));
    }

    /** {@code tokens}, remembering each token it hands out so that it is scrubbed too; null stays null. */
    public Supplier<String> remembering(Supplier<String> tokenSupplier) {
        if (tokenSupplier == null) {
            return null;
        }
        return () -> {
            String token = tokenSupplier.get();
            if (token != null && !token.isBlank() && !tokens.contains(token)) {
                tokens.addFirst(token);
                while (tokens.size() > TOKENS_KEPT) {
                    tokens.pollLast();
                }
            }
            return token;
        };
    }

    /** {@code text} with every known secret replaced by {@link #MASK}; null stays null. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String s = AUTH_ARGUMENT.matcher(text).replaceAll("$1" + MASK);
        for (String secret : fixed) {
            s = s.replace(secret, MASK);
        }
        for (String token : tokens) {
            s = s.replace(token, MASK).replace(b64(token), MASK);
        }
        return s;
    }

    private static void add(Set<String> all, String secret) {
        // One or two characters would mask half of every message; such a secret is no secret anyway.
        if (secret != null && secret.length() >= 3) {
            all.add(secret);
            all.add(b64(secret)); // AUTH LOGIN sends user and password Base64-encoded, each on its own line
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> longestFirst(Set<String> all) {
        // A secret that contains another must go first, or its remainder would survive the shorter one's mask.
        List<String> list = new ArrayList<>(all);
        list.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(list);
    }
}
