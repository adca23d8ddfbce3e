package dev.mailwire.it.secrets;

import dev.mailwire.test.smtp.postfix.OutsideInstances;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files under each module's {@code target/} that hold what the build's tests captured: surefire's and failsafe's
 * reports and redirected test output, and every log a test's server wrote — WildFly's {@code standalone/log/},
 * Payara's {@code domains/*}{@code /logs/}, Open Liberty's {@code logs/} (messages, trace, FFDC), a private Postfix's
 * {@code maillog} (also of an instance outside {@code target/} that the module listed: {@link OutsideInstances}),
 * Dovecot's {@code dovecot.log} and {@code start.out}, Keycloak's {@code keycloak-<port>.log}, forked
 * nodes' logs, and reports written straight into {@code target/} ({@code *.md}, {@code *.txt}).
 *
 * <p>Not scanned, each for a reason: the configuration a test wrote for a server (realm JSON, {@code main.cf},
 * {@code server.xml}, the domain's {@code config/}) holds the secrets by design — it is input, not output; delivered
 * mail (a Maildir's {@code new/} and {@code cur/}) holds what the test put in the message; class files, archives and
 * databases are no text an operator reads. None of them has an output name or lies in an output directory.
 */
final class CapturedOutput {

    /** Directories whose every file is captured output. */
    private static final Set<String> OUTPUT_DIRS = Set.of("surefire-reports", "failsafe-reports", "log", "logs");

    /** Files that are captured output wherever they are: logs (also rotated ones), console output, JVM dumps. */
    private static final Pattern OUTPUT_NAME =
            Pattern.compile("(.*\\.log(\\.[\\w-]+)*|maillog|.*\\.out|.*\\.err|.*\\.dumpstream|.*\\.dump)");

    /**
     * A report the build writes straight into a module's {@code target/} (it/reliability's {@code reliability.md});
     * elsewhere these names are a distribution's READMEs and notices.
     */
    private static final Pattern REPORT_NAME = Pattern.compile(".*\\.(md|txt)");

    /** Never text: a stray match inside them would be noise, and reading them costs time. */
    private static final Pattern BINARY = Pattern.compile(".*\\.(class|jar|war|rar|ear|zip|gz|db|lck|pid|pem|p12|jks)");

    private CapturedOutput() {}

    /** Every captured-output file under a {@code target} directory of {@code root}, outside {@code excluded}. */
    static List<Path> under(Path root, Path excluded) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = name(dir);
                    boolean skip = dir.equals(excluded) || name.equals(".git") || name.equals("src");
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isCaptured(root.relativize(file))) {
                        found.add(file);
                    } else if (name(file).equals(OutsideInstances.LIST)) {
                        found.addAll(outsideMaillogs(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a server's socket or a file deleted while walking
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The maillog of each Postfix instance a module made outside its target/ and listed (one may be deleted). */
    private static List<Path> outsideMaillogs(Path list) {
        try {
            return Files.readAllLines(list).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> Path.of(line.strip()).resolve("maillog"))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(list + ": " + e.getMessage(), e);
        }
    }

    /** {@code relative}: a path under the scanned root. */
    static boolean isCaptured(Path relative) {
        String name = name(relative);
        if (!inTarget(relative) || BINARY.matcher(name).matches()) {
            return false;
        }
        Path parent = relative.getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (OUTPUT_DIRS.contains(name(p))) {
                return true;
            }
        }
        boolean report = parent != null
                && name(parent).equals("target")
                && REPORT_NAME.matcher(name).matches();
        return report || OUTPUT_NAME.matcher(name).matches();
    }

    /**
     * What a captured file is, for the audit's summary: the build log then shows that each kind was really read (a
     * server module that stopped writing its log where the audit looks would show as a missing kind).
     */
    static String kind(Path relative) {
        String path = relative.toString().replace('\\', '/');
        String name = name(relative);
        if (path.contains("/surefire-reports/") || path.contains("/failsafe-reports/")) {
            return "test reports and output";
        } else if (name.equals("maillog")) {
            return "Postfix logs";
        } else if (path.contains("/oauth-stack/dc-")) {
            return "Dovecot logs";
        } else if (name.matches("keycloak-\\d+\\.log")) {
            return "Keycloak logs";
        } else if (path.contains("/standalone/log/")) {
            return "WildFly logs";
        } else if (path.contains("/glassfish/domains/")) {
            return "Payara logs";
        } else if (path.contains("/wlp/usr/servers/")) {
            return "Open Liberty logs";
        }
        return "other logs and reports";
    }

    private static boolean inTarget(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? "" : n.toString();
    }
}
