package dev.mailwire.it.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares two thread censuses by family ({@code family=count} lines, see the probe's {@code mail/thread-families}):
 * when a server runs more threads after the redeploy cycles, the families that grew say whether it is one of the
 * server's bounded pools warming up or a thread left per deployment.
 */
public final class ThreadFamilies {

    private ThreadFamilies() {}

    /** The families with more threads in {@code after} than in {@code before}, as {@code family +n}; "none" if none. */
    public static String grown(String before, String after) {
        Map<String, Long> was = parse(before);
        Map<String, Long> now = parse(after);
        String grown = now.entrySet().stream()
                .filter(e -> e.getValue() > was.getOrDefault(e.getKey(), 0L))
                .map(e -> e.getKey() + " +" + (e.getValue() - was.getOrDefault(e.getKey(), 0L)))
                .collect(Collectors.joining(", "));
        return grown.isEmpty() ? "none" : grown;
    }

    /** The largest growth of one family from {@code before} to {@code after}; 0 if none grew. */
    public static long largestGrowth(String before, String after) {
        Map<String, Long> was = parse(before);
        return parse(after).entrySet().stream()
                .mapToLong(e -> e.getValue() - was.getOrDefault(e.getKey(), 0L))
                .max()
                .orElse(0L);
    }

    private static Map<String, Long> parse(String census) {
        Map<String, Long> families = new TreeMap<>();
        for (String line : census.split("\n")) {
            int eq = line.lastIndexOf('=');
            if (eq > 0) {
                families.put(
                        line.substring(0, eq),
                        Long.parseLong(line.substring(eq + 1).trim()));
            }
        }
        return families;
    }
}
