package dev.mailwire.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Several HTTP callers posting to a fixture application at the same time, so that the server's pool sees more
 * concurrent borrowers than it has connections. Each caller asks the application to send {@code mailsPerCaller}
 * mails and must hear that they were all sent.
 */
public final class ConcurrentCallers {

    private ConcurrentCallers() {}

    /**
     * Posts {@code form(i)} to {@code path} from {@code callers} threads at once and asserts that every call answered
     * {@code mailsPerCaller}; each call is bounded by two minutes.
     */
    public static void post(
            URL base, String path, int callers, int mailsPerCaller, IntFunction<Map<String, String>> form)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Map<String, String> fields = form.apply(i);
                calls.add(threads.submit(() -> Http.post(base, path, fields)));
            }
            for (Future<String> call : calls) {
                assertThat(call.get(2, TimeUnit.MINUTES)).isEqualTo(Integer.toString(mailsPerCaller));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
