package dev.mailwire.bench.dkim;

import dev.mailwire.Mail;
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
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What DKIM signing adds to each mail, in µs of CPU time of one thread: render + sign minus render alone, for a 1 KB and a
 * 100 KB text mail, with an RSA-2048 key, an Ed25519 key, and both. Signing writes the rendered message once into
 * memory, hashes its body, signs the headers and parses the signed bytes back. Run:
 * {@code java -cp <bench classpath> dev.mailwire.bench.dkim.DkimSigningCost}.
 */
public final class DkimSigningCost {

    private static final int ROUNDS = 5;
    /** CPU time of this thread: a shared machine's load stretches wall time, not the work done. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static final Session SESSION = Session.getInstance(new Properties());

    private DkimSigningCost() {}

    public static void main(String[] args) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey rsaKey = rsa.generateKeyPair().getPrivate();
        PrivateKey edKey =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        MailRenderer renderer = new MailRenderer("bench", "app@example.org", null);
        System.out.println("| mail | key | render (µs) | render + sign (µs) | signing (µs) |");
        System.out.println("|---|---|---|---|---|");
        for (int kb : new int[] {1, 100}) {
            Mail mail = Mail.builder()
                    .to("ada@example.net")
                    .subject("Signing cost")
                    .text(("Hello Ada, here is a line of text of some sixty characters..\n").repeat(kb * 16))
                    .build();
            double render = median(() -> renderer.render(mail, SESSION), kb);
            for (String keys : new String[] {"RSA-2048", "Ed25519", "both"}) {
                List<DkimKey> list = switch (keys) {
                    case "RSA-2048" -> List.of(new DkimKey("example.org", "s1", rsaKey));
                    case "Ed25519" -> List.of(new DkimKey("example.org", "e1", edKey));
                    default ->
                        List.of(new DkimKey("example.org", "s1", rsaKey), new DkimKey("example.org", "e1", edKey));
                };
                MessageSigning signing = new MessageSigning(
                        "bench", new DkimSigner(list, DkimSigner.DEFAULT_HEADERS, Clock.systemUTC()), SESSION);
                double signed = median(() -> signing.sign(renderer.render(mail, SESSION)), kb);
                System.out.printf("| %d KB | %s | %.0f | %.0f | %.0f |%n", kb, keys, render, signed, signed - render);
            }
        }
    }

    /** The median over {@value #ROUNDS} rounds of the mean CPU µs per call, after a warm-up round. */
    private static double median(ThrowingRunnable work, int kb) throws Exception {
        int calls = kb == 1 ? 400 : 60;
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
