package dev.mailwire.it.deployment;

import java.util.List;
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

    /** Every live thread, whoever started it: a per-deployment leak of any kind shows up here. */
    public static int allThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .count();
    }
}
