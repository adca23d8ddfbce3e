package dev.mailwire.bench.server;

import java.nio.file.Path;

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

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return key;
    }
}
