package dev.mailwire.jca;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** What an application server shows about a pooled SMTP connection. */
final class MailManagedConnectionMetaData implements ManagedConnectionMetaData {

    private final String server;
    private final String user;

    MailManagedConnectionMetaData(String server, String user) {
        this.server = server;
        this.user = user;
    }

    @Override
    public String getEISProductName() {
        return "SMTP server " + server;
    }

    @Override
    public String getEISProductVersion() {
        return "";
    }

    @Override
    public int getMaxConnections() {
        return 0; // no limit known from SMTP; Postfix's per-client limit is a server setting
    }

    @Override
    public String getUserName() {
        return user;
    }
}
