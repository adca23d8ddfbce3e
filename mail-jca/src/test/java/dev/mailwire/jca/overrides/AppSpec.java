package dev.mailwire.jca.overrides;

import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;

/** The connection spec of an application that brings its own identity and names its own server. */
final class AppSpec {

    static final String USER = "app-user";

    private AppSpec() {}

    /** Its own credentials, at {@code server}: a builder, so a test adds the setting it is about. */
    static MailConnectionSpec.Builder ownIdentityAt(FakeSmtpServer server) {
        return MailConnectionSpec.builder()
                .username(USER)
                .password("app-pw".toCharArray())
                .setting("host", server.host())
                .setting("port", String.valueOf(server.port()))
                .setting("trust-store", server.trustStore().toString())
                .setting("trust-store-password", server.trustStorePassword())
                .setting("trust-store-type", server.trustStoreType());
    }
}
