package dev.mailwire.cdi.tx;

import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfixBuilder;
import io.agroal.api.AgroalDataSource;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private Postfix and an in-memory H2 outbox data source (the one {@link OutboxDataSource} hands to the mailer),
 * started once for a test class and stopped after it. Register it as a static field with {@code @RegisterExtension}.
 */
final class PostfixWithH2Outbox implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> postfixSettings;
    private PrivatePostfix postfix;
    private AgroalDataSource dataSource;

    PostfixWithH2Outbox() {
        this(Map.of());
    }

    /** @param postfixSettings main.cf parameters the test's Postfix sets on top of the usual ones */
    PostfixWithH2Outbox(Map<String, String> postfixSettings) {
        this.postfixSettings = postfixSettings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PrivatePostfixBuilder builder = PrivatePostfix.builder();
        postfixSettings.forEach(builder::set);
        postfix = builder.start();
        dataSource = Databases.h2();
        OutboxDataSource.current = dataSource;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dataSource.close();
        postfix.close();
    }

    PrivatePostfix postfix() {
        return postfix;
    }

    AgroalDataSource dataSource() {
        return dataSource;
    }
}
