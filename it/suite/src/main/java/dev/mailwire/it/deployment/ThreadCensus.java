package dev.mailwire.it.deployment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts live threads in the whole server JVM: Mailwire's own (all named {@code mailwire-*}) and all of them. */
public final class ThreadCensus {

    private ThreadCensus() {}

    public static List<String> mailwireThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("mailwire"))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Live threads by family, the name with its numbers replaced by {@code #} ({@code http-thread-pool::http-listener#(#)}),
     * one {@code family=count} per line: where the threads went when the total grew.
     */
    public static String families() {
        Map<String, Long> families = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.groupingBy(
                        t -> t.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
        return families.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** Every live thread, whoever started it: a per-deployment leak of any kind shows up here. */
    public static int allThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .count();
    }
}
