package dev.mailwire.it.secrets;

import dev.mailwire.test.smtp.secrets.LeakFinder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Issue 15, must-show 6, over the whole build: no secret of the suite's configuration, no access or refresh token and
 * no SASL OAuth2 initial response in any file the build captured. Runs in the last reactor module at {@code verify}
 * and fails the build listing each finding as {@code file:line: kind}; the secret itself is never printed.
 */
public final class SecretsAudit {

    /** Modules whose {@code src/main} is test code, so its secrets are the suite's. */
    static final List<String> TEST_MAINS = List.of("test-smtp", "it/suite");

    /** How many findings the failure lists; the count covers them all. */
    private static final int LISTED = 50;

    private final LeakFinder finder = new LeakFinder();
    private final List<Secret> secrets;

    SecretsAudit(List<Secret> secrets) {
        this.secrets = secrets;
        secrets.forEach(s -> finder.secret(s.toString(), s.value()));
    }

    /** {@code args[0]}: the tree whose target/ directories to scan; {@code args[1]}, optional: a directory to skip. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path skip = args.length > 1 ? Path.of(args[1]).toAbsolutePath().normalize() : null;
        long start = System.nanoTime();
        SecretsAudit audit = new SecretsAudit(ConfiguredSecrets.of(root, TEST_MAINS));
        List<Path> files = CapturedOutput.under(root, skip);
        List<Finding> findings = audit.scan(root, files);
        long bytes = files.stream().mapToLong(SecretsAudit::size).sum();
        Map<String, Long> kinds = files.stream()
                .collect(Collectors.groupingBy(
                        f -> CapturedOutput.kind(named(root, f)), TreeMap::new, Collectors.counting()));
        System.out.printf(
                "Secrets audit: %d captured files (%d MB) under %s scanned for %d configured secrets, JWTs and SASL"
                        + " OAuth2 responses in %d ms: %d findings%n  files read: %s%n",
                files.size(),
                bytes >> 20,
                root,
                audit.secrets.size(),
                (System.nanoTime() - start) / 1_000_000,
                findings.size(),
                kinds);
        if (!findings.isEmpty()) {
            throw new IllegalStateException(report(findings));
        }
    }

    /** Every line of {@code files} that holds a secret, token or SASL response, named relative to {@code root}. */
    List<Finding> scan(Path root, List<Path> files) {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader in = lenientReader(file)) {
                long number = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    number++;
                    Optional<String> kind = finder.find(line);
                    if (kind.isPresent()) {
                        findings.add(new Finding(named(root, file), number, kind.get()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
        return findings;
    }

    /** Relative to the tree, or absolute for a file outside it (a Postfix instance under the temp directory). */
    private static Path named(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file) : file;
    }

    static String report(List<Finding> findings) {
        StringBuilder s = new StringBuilder()
                .append(findings.size())
                .append(" lines of captured output hold a secret or a token (issue 15, must-show 6;")
                .append(" docs/oauth2.md, \"Secrets in captured output\"):");
        findings.stream().limit(LISTED).forEach(f -> s.append("\n  ").append(f));
        if (findings.size() > LISTED) {
            s.append("\n  ... and ").append(findings.size() - LISTED).append(" more");
        }
        return s.toString();
    }

    /** A log may hold bytes that are not UTF-8 (a server's binary trace): replaced, never a reason to stop. */
    private static BufferedReader lenientReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
