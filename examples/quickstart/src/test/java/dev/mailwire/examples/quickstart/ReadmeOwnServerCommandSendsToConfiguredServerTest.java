package dev.mailwire.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * README command 1's own-server form sends to the server its environment variables name. The command line is the
 * one the exec plugin makes of it: this pom's {@code <commandlineArgs>} with {@code %classpath} and the README's
 * {@code -Dexec.args="..."} put in, run as a child JVM (Maven itself is not run: its {@code install} would write
 * into the shared local repository). The environment is the README's variables, pointed at a private Postfix, plus
 * its trust store (the README's example server has a public certificate); the recipient is a Postfix address in
 * place of the README's {@code you@example.com}.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ReadmeOwnServerCommandSendsToConfiguredServerTest {

    private static final Pattern EXEC_ARGS = Pattern.compile("-Dexec\\.args=\"([^\"]*)\"");
    private static final Pattern ENV = Pattern.compile("\\b(MAILWIRE_MAILER_[A-Z_]+)=");

    @Test
    void sendsEveryMailToTheRecipientGivenWithExecArgs() throws Exception {
        String command = readmeOwnServerCommand();
        Matcher execArgs = EXEC_ARGS.matcher(command);
        assertThat(execArgs.find())
                .as("README command 1 passes -Dexec.args=\"...\": " + command)
                .isTrue();
        assertThat(execArgs.group(1))
                .as("one recipient in the README's example")
                .doesNotContain(" ");

        try (PrivatePostfix postfix =
                PrivatePostfix.builder().deleteOnClose(true).start()) {
            String recipient = postfix.address("you");
            Map<String, String> env = environmentFor(postfix);
            Matcher names = ENV.matcher(command);
            while (names.find()) {
                assertThat(env)
                        .as("the test sets every variable the README sets")
                        .containsKey(names.group(1));
            }

            // To a file, not a pipe: a child blocked on a full pipe would never end.
            Path output = Files.createTempFile("quickstart-", ".out");
            Process java = start(commandLine(recipient), env, output);
            boolean ended = java.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                java.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            assertThat(ended).as("the quickstart ends: " + printed).isTrue();
            assertThat(java.exitValue()).as(printed).isZero();

            List<DeliveredMessage> delivered = postfix.awaitDelivered(Quickstart.MAILS, Duration.ofSeconds(30));
            assertThat(delivered).hasSize(Quickstart.MAILS);
            assertThat(delivered).allSatisfy(m -> assertThat(m.deliveredTo()).contains(recipient));
            assertThat(printed).contains(recipient).contains("DELIVERED 250");
        }
    }

    /** The README's lines from the first {@code MAILWIRE_MAILER_} assignment to the {@code ./mvnw} line after it. */
    private static String readmeOwnServerCommand() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("mailwire.readme")));
        Matcher block = Pattern.compile("(?s)\\n\\s*(MAILWIRE_MAILER_\\w+=.*?\\./mvnw [^\\n]*)")
                .matcher(readme);
        assertThat(block.find())
                .as("README has an own-server command with MAILWIRE_MAILER_* variables")
                .isTrue();
        return block.group(1);
    }

    /**
     * What exec:exec runs for {@code -Dexec.args="recipients"}: its {@code commandlineArgs} parameter reads the
     * {@code exec.args} property unless the pom configures it, and when it is set the {@code <arguments>} list is
     * ignored. So with {@code <commandlineArgs>} in the pom the recipients fill its {@code ${exec.args}}; without, the
     * recipients are the whole command line.
     */
    private static List<String> commandLine(String recipients) throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher configured =
                Pattern.compile("<commandlineArgs>([^<]*)</commandlineArgs>").matcher(pom);
        String args = configured.find() ? configured.group(1).replace("${exec.args}", recipients) : recipients;
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String token : args.trim().split("\\s+")) {
            line.add(token.equals("%classpath") ? classpath : token);
        }
        return line;
    }

    private static Map<String, String> environmentFor(PrivatePostfix postfix) {
        var user = postfix.users().entrySet().iterator().next();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAILWIRE_MAILER_HOST", postfix.host());
        env.put("MAILWIRE_MAILER_PORT", Integer.toString(postfix.port()));
        env.put("MAILWIRE_MAILER_USERNAME", user.getKey());
        env.put("MAILWIRE_MAILER_PASSWORD", user.getValue());
        env.put("MAILWIRE_MAILER_FROM", postfix.address("quickstart"));
        env.put("MAILWIRE_MAILER_TRUST_STORE", postfix.trustStore().toString());
        env.put("MAILWIRE_MAILER_TRUST_STORE_PASSWORD", postfix.trustStorePassword());
        env.put("MAILWIRE_MAILER_TRUST_STORE_TYPE", postfix.trustStoreType());
        return env;
    }

    private static Process start(List<String> commandLine, Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(output.toFile());
        // Only this test's settings: a MAILWIRE_* variable of the machine running the build must not leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("MAILWIRE_"));
        builder.environment().putAll(env);
        return builder.start();
    }
}
