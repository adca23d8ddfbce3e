package dev.mailwire.cdi;

import dev.mailwire.Mail;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Boots Weld SE with only the given bean classes and Mailwire's extension. Weld SE reads extension service files only
 * with discovery on; {@code ExtensionIsAServiceTest} checks that file.
 */
public final class Containers {

    private Containers() {}

    public static WeldContainer boot(Class<?>... beanClasses) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new MailExtension())
                .addBeanClasses(beanClasses)
                .initialize();
    }

    /** Sends {@code mail} with the default mailer of a container configured by {@code settings}, then closes both. */
    public static void sendWithDefaultMailer(Map<String, String> settings, Mail mail) {
        try (TestConfig c = TestConfig.use(settings);
                WeldContainer container = boot(DefaultMailerClient.class)) {
            container.select(DefaultMailerClient.class).get().mailer.send(mail);
        }
    }
}
