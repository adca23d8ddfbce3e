package dev.mailwire.bench.dkim;

import dev.mailwire.Mail;
import dev.mailwire.bench.BenchOptions;
import dev.mailwire.cdi.internal.dkim.DkimKey;
import dev.mailwire.cdi.internal.dkim.DkimSigner;
import dev.mailwire.cdi.internal.dkim.MessageSigning;
import dev.mailwire.cdi.internal.render.MailRenderer;
import dev.mailwire.cdi.internal.render.StableIdMessage;
import jakarta.mail.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What DKIM signing adds to each mail, in µs of CPU time of one thread: render + sign minus render alone, for a 1 KB and a
 * 100 KB text mail, with an RSA-2048 key, an Ed25519 key, and both. Signing writes the rendered message once into
 * memory, hashes its body, signs the headers and parses the signed bytes back. {@code bench/run.sh} runs it after the
 * scenarios with the same options and puts its table into the same report ({@link SigningCostSection}); alone:
 * {@code java -cp <bench classpath> dev.mailwire.bench.dkim.DkimSigningCost [--report=FILE] [--quick]}. Measured,
 * not judged: no goal applies.
 */
public final class DkimSigningCost {

    private static final int ROUNDS = 5;
    /** CPU time of this thread: a shared machine's load stretches wall time, not the work done. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static final Session SESSION = Session.getInstance(new Properties());

    private DkimSigningCost() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        if (options.only() != null
                && !options.only().matcher(SigningCostSection.NAME).find()) {
            return; // a subset run that did not ask for it
        }
        List<String> rows = measure(options.timing().equals(BenchOptions.QUICK) ? 10 : 1);
        rows.forEach(System.out::println);
        SigningCostSection.write(options.report(), rows);
        System.out.println("Report: " + options.report() + " (section \"" + SigningCostSection.NAME + "\")");
    }

    /** The table's lines (header first); {@code fewer} divides the calls per round, for a quick check. */
    private static List<String> measure(int fewer) throws Exception {
        List<String> rows = new ArrayList<>();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey rsaKey = rsa.generateKeyPair().getPrivate();
        PrivateKey edKey =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        MailRenderer renderer = new MailRenderer("bench", "app@example.org", null);
        rows.add("| mail | key | render (µs) | render + sign (µs) | signing (µs) |");
        rows.add("|---|---|---|---|---|");
        for (int kb : new int[] {1, 100}) {
            Mail mail = Mail.builder()
                    .to("ada@example.net")
                    .subject("Signing cost")
                    .text(("Hello Ada, here is a line of text of some sixty characters..\n").repeat(kb * 16))
                    .build();
            double render = median(() -> renderer.render(mail, SESSION), kb, fewer);
            for (String keys : new String[] {"RSA-2048", "Ed25519", "both"}) {
                List<DkimKey> list = switch (keys) {
                    case "RSA-2048" -> List.of(new DkimKey("example.org", "s1", rsaKey));
                    case "Ed25519" -> List.of(new DkimKey("example.org", "e1", edKey));
                    default ->
                        List.of(new DkimKey("example.org", "s1", rsaKey), new DkimKey("example.org", "e1", edKey));
                };
                MessageSigning signing = new MessageSigning(
                        "bench", new DkimSigner(list, DkimSigner.DEFAULT_HEADERS, Clock.systemUTC()), SESSION);
                double signed = median(() -> signing.sign(renderer.render(mail, SESSION)), kb, fewer);
                rows.add(String.format(
                        Locale.ROOT,
                        "| %d KB | %s | %,.0f | %,.0f | %,.0f |",
                        kb,
                        keys,
                        render,
                        signed,
                        signed - render));
            }
        }
        return rows;
    }

    /** The median over {@value #ROUNDS} rounds of the mean CPU µs per call, after a warm-up round. */
    private static double median(ThrowingRunnable work, int kb, int fewer) throws Exception {
        int calls = (kb == 1 ? 400 : 60) / fewer;
        double[] rounds = new double[ROUNDS];
        for (int r = -1; r < ROUNDS; r++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                StableIdMessage m = work.run();
                if (m == null) {
                    throw new IllegalStateException();
                }
            }
            if (r >= 0) {
                rounds[r] = (CPU.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
            }
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        StableIdMessage run() throws Exception;
    }
}
