package dev.mailwire.cdi.internal;

import java.util.ArrayList;
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
 * the user name, the passwords, recent XOAUTH2 tokens, in every encoding an error text or a server's echo can carry
 * them: plain, URL-encoded, and Base64 wherever they sit inside an encoded blob (AUTH PLAIN as Angus sends it,
 * {@code user\0user\0password}, with any other authorization identity, AUTH LOGIN, the XOAUTH2 initial response).
 * Error texts come from Angus and the JDK as well as from Mailwire, and a server may echo what it was sent; this is
 * the last line, not the only one.
 *
 * <p>Shared by the CDI layer and the health checks; internal.
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "***";

    /** Whatever follows AUTH on a line: an initial response or a token, in whatever encoding. */
    private static final Pattern AUTH_ARGUMENT =
            Pattern.compile("(?i)(\\bAUTH\\s+(?:PLAIN|LOGIN|XOAUTH2|CRAM-MD5)\\s+)\\S+");
    /** Tokens remembered for scrubbing; a token lives an hour or so, a few are enough. */
    private static final int TOKENS_KEPT = 4;

    private final String username;
    private final List<String> fixed;
    /** Each remembered token with its encoded forms, newest first. */
    private final ConcurrentLinkedDeque<Remembered> tokens = new ConcurrentLinkedDeque<>();

    private Secrets(String username, List<String> fixed) {
        this.username = username;
        this.fixed = fixed;
    }

    /** Nothing to scrub but AUTH arguments (mock mode, a server's connection factory). */
    public static Secrets none() {
        return new Secrets(null, List.of());
    }

    /**
     * @param username the AUTH user name, or null
     * @param secrets passwords and other secret values, null entries ignored
     */
    public static Secrets of(String username, Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        if (SecretForms.worthMasking(username)) {
            all.addAll(SecretForms.of(username, null));
        }
        for (String secret : secrets) {
            if (SecretForms.worthMasking(secret)) {
                all.addAll(SecretForms.of(secret, username));
            }
        }
        return new Secrets(username, longestFirst(all));
    }

    /** {@code tokens}, remembering each token it hands out so that it is scrubbed too; null stays null. */
    public Supplier<String> remembering(Supplier<String> tokenSupplier) {
        if (tokenSupplier == null) {
            return null;
        }
        return () -> {
            String token = tokenSupplier.get();
            if (SecretForms.worthMasking(token) && tokens.stream().noneMatch(r -> r.token.equals(token))) {
                tokens.addFirst(
                        new Remembered(token, longestFirst(new LinkedHashSet<>(SecretForms.of(token, username)))));
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
        for (Remembered token : tokens) {
            for (String form : token.forms) {
                s = s.replace(form, MASK);
            }
        }
        return s;
    }

    private record Remembered(String token, List<String> forms) {}

    private static List<String> longestFirst(Set<String> all) {
        // A secret that contains another must go first, or its remainder would survive the shorter one's mask.
        List<String> list = new ArrayList<>(all);
        list.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(list);
    }
}
