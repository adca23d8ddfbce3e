package dev.mailwire.it.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that deploys to the server under test: the shared Postfix first, then Arquillian (order matters, see
 * {@link SharedPostfix}). Deployments are {@code testable = false}: tests run in the test JVM and talk to the
 * fixtures over HTTP, where they can also read Postfix's log.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({SharedPostfix.class, ArquillianExtension.class})
public @interface ServerTest {}
