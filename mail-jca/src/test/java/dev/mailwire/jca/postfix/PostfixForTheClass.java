package dev.mailwire.jca.postfix;

import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private Postfix with the default user, started before a test class's first test and stopped after its last;
 * register it as a static field with {@code @RegisterExtension}. One instance per class, because a start costs
 * seconds and the tests that share it read only their own sessions from its log.
 */
final class PostfixForTheClass implements BeforeAllCallback, AfterAllCallback {

    private PrivatePostfix postfix;

    @Override
    public void beforeAll(ExtensionContext context) {
        postfix = PrivatePostfix.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        postfix.close();
    }

    PrivatePostfix postfix() {
        return postfix;
    }
}
