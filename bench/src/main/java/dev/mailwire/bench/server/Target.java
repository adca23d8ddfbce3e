package dev.mailwire.bench.server;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SMTP server the bench sends to, with what a client needs to reach it.
 *
 * @param key short name used in the report and as the Mailwire mailer name
 * @param startTls whether the server requires STARTTLS (then {@code username} is set too: AUTH is required)
 */
public record Target(
        String key,
        String label,
        String host,
        int port,
        boolean startTls,
        String username,
        String password,
        Path trustStore,
        String trustStorePassword,
        String trustStoreType) {

    public static Target plain(String key, String label, int port) {
        return new Target(key, label, "127.0.0.1", port, false, null, null, null, null, null);
    }

    /** The same server reached at another address of 127.0.0.1 (a {@link DelayLink} in front of it). */
    public Target through(String key, String label, int port) {
        return new Target(
                key, label, host, port, startTls, username, password, trustStore, trustStorePassword, trustStoreType);
    }

    /**
     * The arguments of a forked bench JVM: its own {@code first}, then this STARTTLS target as seven: host, port,
     * trust store, trust-store password, trust-store type, username, password. {@link #fromArguments} reads them back.
     */
    public List<String> asArgumentsAfter(String... first) {
        return Stream.concat(
                        Stream.of(first),
                        Stream.of(
                                host,
                                String.valueOf(port),
                                trustStore.toString(),
                                trustStorePassword,
                                trustStoreType,
                                username,
                                password))
                .toList();
    }

    /**
     * The STARTTLS target that {@link #asArguments} wrote into {@code args} from index {@code first}, named
     * {@code key} (as key and label) in the forked JVM.
     */
    public static Target fromArguments(String key, String[] args, int first) {
        return new Target(
                key,
                key,
                args[first],
                Integer.parseInt(args[first + 1]),
                true,
                args[first + 5],
                args[first + 6],
                Path.of(args[first + 2]),
                args[first + 3],
                args[first + 4]);
    }

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return key;
    }
}
