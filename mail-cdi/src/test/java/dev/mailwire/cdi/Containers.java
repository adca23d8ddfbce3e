package dev.mailwire.cdi;

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
}
