package dev.mailwire.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on: hardware, JDK, and the versions of everything that sends or receives. */
public final class MachineInfo {

    private MachineInfo() {}

    public static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM");
        m.put("Memory", gib(os.getTotalMemorySize()));
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put(
                "Bench JVM heap",
                "max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, "
                        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("Angus Mail", version("org.eclipse.angus", "angus-mail"));
        m.put("Jakarta Mail API", version("jakarta.mail", "jakarta.mail-api"));
        m.put("Simple Java Mail", version("org.simplejavamail", "simple-java-mail"));
        m.put("Vert.x mail client", version("io.vertx", "vertx-mail-client"));
        m.put("Postfix", postfixVersion());
        return m;
    }

    /**
     * The 1-minute load average: other work on the machine (builds, tests) takes cores from both client and
     * server, and every number with them.
     */
    public static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        String text = String.format(java.util.Locale.ROOT, "%.2f", load);
        return load > cores ? text + " ⚠ busy: more runnable work than cores" : text;
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** From the jar's Maven metadata, which every artifact built by Maven carries. */
    static String version(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = MachineInfo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String postfixVersion() {
        try {
            Process p = new ProcessBuilder("/usr/sbin/postconf", "-d", "-h", "mail_version")
                    .redirectErrorStream(true)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
