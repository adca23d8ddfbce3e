package dev.mailwire.test.smtp.dkim;

import dev.mailwire.test.smtp.InstallScripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An independent DKIM verifier for tests: dkimpy (Debian's {@code python3-dkim}, with {@code python3-nacl} for
 * Ed25519) run on a message file, with the public keys given here instead of DNS. Installed on first use by the
 * bundled {@code install-dkim-verifier.sh} when we are root, as the private Postfix is.
 *
 * <p>Debian's interpreter is called by its path: a pyenv or venv {@code python3} earlier on PATH does not see
 * {@code python3-dkim}.
 */
public final class DkimVerifier {

    /** What dkimpy said about one message: a line per signature, and whether all passed (and there was one). */
    public record Result(boolean passed, List<String> lines) {
        /** The lines of the signatures that passed with algorithm {@code a} (e.g. {@code ed25519-sha256}). */
        public List<String> passedWith(String algorithm) {
            return lines.stream()
                    .filter(l -> l.contains(" a=" + algorithm + " ") && l.endsWith(" pass"))
                    .toList();
        }
    }

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String INSTALL = "install-dkim-verifier.sh";
    private static final long TIMEOUT_SECONDS = 120;

    private static volatile boolean installed;

    private final Map<String, String> records = new LinkedHashMap<>();

    /** Publishes (to this verifier only) the key record of {@code selector._domainkey.domain}. */
    public DkimVerifier publish(String selector, String domain, PublicKey key) {
        records.put(selector + "._domainkey." + domain, record(key));
        return this;
    }

    /**
     * The TXT record to publish for {@code key}: RSA as SubjectPublicKeyInfo (what OpenDKIM requires), Ed25519 as
     * the raw 32-byte key (RFC 8463 §4.2; the X.509 form fails in both dkimpy and OpenDKIM).
     */
    public static String record(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (key instanceof RSAPublicKey) {
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(encoded);
        }
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(raw);
    }

    /** Verifies every signature of the message in {@code file} (a Maildir file, LF line ends are fine). */
    public Result verify(Path file) {
        ensureInstalled();
        try {
            Path dir = Files.createTempDirectory("mailwire-dkim-");
            try {
                Path keys = dir.resolve("keys.txt");
                StringBuilder text = new StringBuilder();
                records.forEach((name, value) ->
                        text.append(name).append(' ').append(value).append('\n'));
                Files.writeString(keys, text, StandardCharsets.US_ASCII);
                Path script = extract("dkimcheck.py", dir);
                Path out = dir.resolve("out.txt");
                Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), keys.toString(), file.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("dkimcheck.py did not finish in " + TIMEOUT_SECONDS + " s");
                }
                List<String> lines = new ArrayList<>(Files.readAllLines(out));
                return new Result(p.exitValue() == 0, List.copyOf(lines));
            } finally {
                deleteFolder(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Verifies a message given as bytes. */
    public Result verify(byte[] message) {
        try {
            Path file = Files.createTempFile("mailwire-dkim-message-", ".eml");
            try {
                Files.write(file, message);
                return verify(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why dkimpy cannot run here, if it cannot; a test can turn this into an assumption. */
    public static Optional<String> unavailableReason() {
        if (available()) {
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.of("python3-dkim is not installed and there is no apt-get to install it");
        }
        return Optional.empty();
    }

    private static synchronized void ensureInstalled() {
        if (installed || available()) {
            installed = true;
            return;
        }
        try {
            Path dir = Files.createTempDirectory("mailwire-dkim-install-");
            Path script = InstallScripts.extract(DkimVerifier.class, INSTALL, dir);
            Path out = dir.resolve("out.txt");
            Process p = new ProcessBuilder("sh", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(out);
            deleteFolder(dir);
            if (!done || p.exitValue() != 0 || !available()) {
                throw new IllegalStateException("dkimpy for the tests is missing and " + INSTALL + " could not"
                        + " install it; install the Debian packages python3-dkim and python3-nacl. Output: "
                        + output.trim());
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** dkimpy's module and PyNaCl (Ed25519), where Debian puts them. */
    private static boolean available() {
        return Files.isExecutable(PYTHON)
                && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/dkim"))
                && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/nacl"));
    }

    private static void deleteFolder(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static Path extract(String resource, Path dir) throws IOException {
        try (InputStream in = DkimVerifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the mailwire-test-smtp jar");
            }
            Path target = dir.resolve(resource);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
