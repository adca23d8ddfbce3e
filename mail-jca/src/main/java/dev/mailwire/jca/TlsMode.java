package dev.mailwire.jca;

/** How the connection to the SMTP server is protected. */
public enum TlsMode {
    /** Plain TCP, then STARTTLS before anything else; a server that does not offer it is refused (RFC 3207). */
    STARTTLS(587),
    /** TLS from the first byte (RFC 8314 "implicit TLS", usually port 465). */
    IMPLICIT(465),
    /**
     * No TLS. Only for a server on loopback (a local relay); AUTH is then refused unless
     * {@code allow-plaintext-auth=true}, since the credentials would cross in clear.
     */
    NONE(25);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
