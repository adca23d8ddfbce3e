package dev.mailwire.test.smtp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate made at run time with the JDK's own {@code keytool}, in the files each server
 * wants: PKCS12 key and trust stores for Java, PEM certificate and key for Postfix.
 *
 * <p>Made at run time rather than committed so that nothing expires in the repository and no private key is
 * shipped. The PEM files are written from the PKCS12 key store with the JDK alone, so no {@code openssl} is
 * needed. Key generation costs a few hundred milliseconds: {@link #localhost()} and {@link #otherHost()} are
 * made once per JVM.
 */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";
    private static final String ALIAS = "server";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    private final Path keyStore;
    private final Path trustStore;
    private final Path certPem;
    private final Path keyPem;
    private final List<String> subjectAltNames;

    private TestCertificates(Path dir, List<String> subjectAltNames) {
        this.keyStore = dir.resolve("server.p12");
        this.trustStore = dir.resolve("trust.p12");
        this.certPem = dir.resolve("cert.pem");
        this.keyPem = dir.resolve("key.pem");
        this.subjectAltNames = List.copyOf(subjectAltNames);
    }

    /**
     * Creates a key pair and a self-signed certificate in {@code dir}.
     *
     * @param subjectAltNames in keytool's form, e.g. {@code "dns:localhost", "ip:127.0.0.1"}; the first name is
     *     also the subject CN. Clients verify the host name against these names.
     */
    public static TestCertificates create(Path dir, String... subjectAltNames) {
        if (subjectAltNames.length == 0) {
            throw new IllegalArgumentException("at least one subject alternative name, e.g. dns:localhost");
        }
        TestCertificates certs = new TestCertificates(dir, List.of(subjectAltNames));
        try {
            Files.createDirectories(dir);
            certs.generate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create test certificates in " + dir, e);
        }
        return certs;
    }

    /**
     * The certificates in {@code dir} if a previous {@link #create} left all four files there, else new ones: for a
     * server whose client was configured with the trust store's path before the test JVM started (it/suite's OAuth2
     * connection definition, written by the build).
     */
    public static TestCertificates reuseOrCreate(Path dir, String... subjectAltNames) {
        TestCertificates existing = new TestCertificates(dir, List.of(subjectAltNames));
        boolean complete = Stream.of(existing.keyStore, existing.trustStore, existing.certPem, existing.keyPem)
                .allMatch(Files::isReadable);
        return complete && subjectAltNames.length > 0 ? existing : create(dir, subjectAltNames);
    }

    /** For {@code localhost} and {@code 127.0.0.1}: what every test server presents. Made once per JVM. */
    public static TestCertificates localhost() {
        return Cached.LOCALHOST;
    }

    /** For {@code other.example} only: a certificate whose name does not match the server's address. */
    public static TestCertificates otherHost() {
        return Cached.OTHER_HOST;
    }

    public Path keyStore() {
        return keyStore;
    }

    /** A PKCS12 store holding only the certificate, as a trusted entry: what a client is configured with. */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both stores and of the private key. */
    public String password() {
        return PASSWORD;
    }

    public String storeType() {
        return "PKCS12";
    }

    public Path certPem() {
        return certPem;
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as Postfix reads it. */
    public Path keyPem() {
        return keyPem;
    }

    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    /** A context that presents this certificate, for in-process servers. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore), PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a server SSLContext from " + keyStore, e);
        }
    }

    /** A context that trusts only this certificate, for clients written in tests. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a client SSLContext from " + trustStore, e);
        }
    }

    private void generate() throws IOException {
        Files.deleteIfExists(keyStore);
        String cn = subjectAltNames.get(0).replaceFirst("^[a-zA-Z]+:", "");
        // keytool is the JDK's only public way to sign a certificate. EC P-256: generated in milliseconds where RSA
        // 2048 takes far longer, and accepted by Postfix and the JDK. Everything else is done in-process, because
        // each keytool run is a JVM start (about a second).
        keytool(
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "3650",
                "-dname",
                "CN=" + cn,
                "-ext",
                "SAN=" + String.join(",", subjectAltNames),
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        try {
            KeyStore keys = load(keyStore);
            Certificate certificate = keys.getCertificate(ALIAS);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, PASSWORD.toCharArray());
            }
            Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
            // getEncoded() of a JDK private key is PKCS#8 DER, exactly what "BEGIN PRIVATE KEY" wraps.
            Files.writeString(
                    keyPem,
                    pem(
                            "PRIVATE KEY",
                            keys.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read back the key store keytool wrote: " + keyStore, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(Path store) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + store, e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean exited = process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!exited || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool " + args[0], e);
        }
    }

    /** Holder idiom: each certificate is made on first use, once per JVM, thread-safely. */
    private static final class Cached {
        static final TestCertificates LOCALHOST =
                deletedOnExit(create(tempDir("localhost"), "dns:localhost", "ip:127.0.0.1"));
        static final TestCertificates OTHER_HOST = deletedOnExit(create(tempDir("other"), "dns:other.example"));

        private static TestCertificates deletedOnExit(TestCertificates certs) {
            // Files are deleted in reverse order of registration, so the directory (registered first) goes last.
            for (Path file : List.of(certs.keyStore, certs.trustStore, certs.certPem, certs.keyPem)) {
                file.toFile().deleteOnExit();
            }
            return certs;
        }

        private static Path tempDir(String name) {
            try {
                Path dir = Files.createTempDirectory("mailwire-certs-" + name + "-");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
