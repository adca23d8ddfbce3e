package dev.mailwire.it.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secrets the suite configures, read from its own test files so that a test that adds a password or a client
 * secret is covered without touching the scan (and the scan holds no copy of them): passwords and secrets given to a
 * mailer, a fake or private server or Keycloak's realm JSON, in the shapes the tests write them.
 *
 * <p>Read from {@code src/test/} of every module and from {@code src/main/} of the modules that are test code
 * ({@code test-smtp}, {@code it/suite}). A value is dropped when it cannot tell a leak from a message: shorter than
 * {@value #MIN_LENGTH} characters ({@code "pw"}), a template ({@code ${...}}, {@code @token@}, {@code %s}), an
 * environment variable's or a setting's name, or a text the product's own code contains (the key
 * {@code client-secret} is a test's secret in one place and every configuration error's key name in another). Trust
 * and key store passwords are not looked for: the stores hold test certificates, and their well-known passwords
 * ({@code changeit}) are no credential of the suite.
 */
final class ConfiguredSecrets {

    static final int MIN_LENGTH = 6;

    /** A value: one token on one line, not ending a JSON key ({@code "a": "b", "c": ...} is no pair b, c). */
    private static final String VALUE = "\"([^\"\\\\\\s]+)\"(?!\\s*:)";

    private static final List<Pattern> SHAPES = List.of(
            // static final String PASSWORD = "..."; CLIENT_SECRET = "..."; Map.of(Settings.SECRET_VARIABLE, "...")
            Pattern.compile("\\b([A-Z_]*(?:PASSWORD|SECRET)[A-Z_]*)\\s*[=,]\\s*" + VALUE),
            // .user("alice", "..."): a private Postfix's login
            Pattern.compile("\\.(user)\\(\\s*\"[^\"\\s]+\"\\s*,\\s*" + VALUE),
            // "...".toCharArray(): what Java's credential APIs take a password as (PasswordCredential, a spec)
            Pattern.compile("()\"([^\"\\\\\\s]+)\"\\.toCharArray\\(\\)"),
            // Map.of("password", "..."), .property("mailwire.mailer.billing.password", "..."); not a JSON value
            Pattern.compile(
                    "(?<!:\\s{0,8})\"([\\w.-]*(?:password|secret))\"\\s*,\\s*" + VALUE, Pattern.CASE_INSENSITIVE),
            // setPassword("..."), .password("...".toCharArray()), setOauth2ClientSecret("..."): the one argument; not
            // alsoSecret("user", password), whose first argument is a user name
            Pattern.compile("\\b(\\w*(?:password|secret))\\s*\\(\\s*" + VALUE + "\\s*[).]", Pattern.CASE_INSENSITIVE),
            // realm JSON: "secret": "...", and a user's { "type": "password", "value": "..." }
            Pattern.compile("\"(secret|client_secret|refresh_token)\"\\s*:\\s*" + VALUE),
            Pattern.compile("\"type\"\\s*:\\s*\"(password)\"\\s*,\\s*\"value\"\\s*:\\s*" + VALUE),
            // <property name="Oauth2ClientSecret" value="..."/>, password="..." in a server.xml
            Pattern.compile("name=\"(\\w*(?:password|secret))\"\\s+value=" + VALUE, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(\\w*(?:password|secret))=" + VALUE, Pattern.CASE_INSENSITIVE),
            // key=value in a .properties file
            Pattern.compile("(?m)^\\s*([\\w.-]*(?:password|secret))\\s*[=:]\\s*(\\S+)\\s*$", Pattern.CASE_INSENSITIVE));

    private static final Pattern FILE = Pattern.compile(".*\\.(java|properties|json|xml|cli|sh|conf|asadmin)");
    /** Variable names, setting names, templates; and {@code changeit}, the JDK's well-known key store password; a command-line option. */
    private static final Pattern NOT_A_VALUE =
            Pattern.compile("[A-Z0-9_]+|mailwire\\..*|.*(\\$\\{|%s|%d|@).*|.*\\s.*|changeit|-.*");

    private static final Pattern STORE_KEY = Pattern.compile("(?i).*(trust|key)[-_.]?store.*|.*storepass.*");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private ConfiguredSecrets() {}

    /**
     * The distinct secrets of the tree at {@code root}, each with the first place it was read from; {@code testMains}
     * are the modules (relative paths) whose {@code src/main} is test code.
     */
    static List<Secret> of(Path root, List<String> testMains) {
        List<String> product = productLiterals(root, testMains);
        Map<String, Secret> found = new LinkedHashMap<>();
        for (Path file : testFiles(root, testMains)) {
            String text = read(file);
            for (Pattern shape : SHAPES) {
                Matcher m = shape.matcher(text);
                while (m.find()) {
                    String key = m.group(1);
                    String value = m.group(2);
                    if (isSecret(key, value, product)) {
                        long line = 1
                                + text.substring(0, m.start())
                                        .chars()
                                        .filter(c -> c == '\n')
                                        .count();
                        found.putIfAbsent(value, new Secret(value, root.relativize(file) + ":" + line));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static boolean isSecret(String key, String value, List<String> product) {
        if (value.length() < MIN_LENGTH
                || NOT_A_VALUE.matcher(value).matches()
                || STORE_KEY.matcher(key).matches()) {
            return false;
        }
        return product.stream().noneMatch(literal -> literal.contains(value));
    }

    private static List<Path> testFiles(Path root, List<String> testMains) {
        List<Path> files = new ArrayList<>();
        for (Path dir : sources(root)) {
            boolean testCode = dir.getFileName().toString().equals("test")
                    || testMains.stream().anyMatch(m -> dir.startsWith(root.resolve(m)));
            if (testCode) {
                files.addAll(matching(dir, FILE));
            }
        }
        return files;
    }

    /** Every string literal of the product's main code: a secret found there could never be told from a message. */
    private static List<String> productLiterals(Path root, List<String> testMains) {
        List<String> literals = new ArrayList<>();
        for (Path dir : sources(root)) {
            boolean productMain = dir.getFileName().toString().equals("main")
                    && testMains.stream().noneMatch(m -> dir.startsWith(root.resolve(m)));
            if (productMain) {
                for (Path file : matching(dir, Pattern.compile(".*\\.java"))) {
                    LITERAL.matcher(read(file)).results().forEach(r -> literals.add(r.group(1)));
                }
            }
        }
        return literals;
    }

    /** Every {@code src/main} and {@code src/test} directory of the tree; build output and Git's store not entered. */
    private static List<Path> sources(Path root) {
        List<Path> dirs = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.equals(root) ? "" : dir.getFileName().toString();
                    if (name.equals("target") || name.equals(".git") || name.equals("node_modules")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path parent = dir.getParent();
                    if (parent != null
                            && !dir.equals(root)
                            && parent.getFileName().toString().equals("src")) {
                        dirs.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dirs;
    }

    private static List<Path> matching(Path dir, Pattern name) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            // Lenient: a test resource in another encoding must not stop the scan.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
