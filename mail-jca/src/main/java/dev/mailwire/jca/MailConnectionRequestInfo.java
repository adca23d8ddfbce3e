package dev.mailwire.jca;

import dev.mailwire.connector.MailConnectionSpec;
import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What an application asked for through {@link MailConnectionSpec}: an identity and settings overrides. Pools (the
 * server's and the embedded one) keep connections with different request infos apart by equals/hashCode, so
 * equality covers every setting and the password: a changed password never reuses a connection authenticated with
 * the old one.
 */
public final class MailConnectionRequestInfo implements ConnectionRequestInfo {

    private final MailConnectionSpec spec;

    MailConnectionRequestInfo(MailConnectionSpec spec) {
        this.spec = spec;
    }

    MailConnectionSpec spec() {
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailConnectionRequestInfo other && spec.equals(other.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return "MailConnectionRequestInfo[" + spec + "]";
    }
}
