package dev.mailwire.bench.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent, to divide by messages sent: this JVM's (the client: every library's threads, Vert.x's event loops
 * included) and the whole machine's (client, server and kernel), the latter from {@code /proc/stat}.
 */
final class CpuClock {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** USER_HZ: the unit of /proc/stat on Linux (100 on every common kernel). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU time of this process so far, all threads, user and system. */
    long processNanos() {
        return os.getProcessCpuTime();
    }

    /** Busy CPU time of the machine so far, all cores (everything but idle and iowait); -1 if unknown. */
    long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
