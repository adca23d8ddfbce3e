package dev.mailwire;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects a named mailer, configured under {@code mailwire.mailer.<name>.*}: {@code @Inject @MailerName("billing")
 * Mailer billing}. The default mailer ({@code mailwire.mailer.*}) has no qualifier.
 *
 * <p>For programmatic lookup: {@code mailers.select(MailerName.Literal.of("billing")).get()}.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface MailerName {

    /** The mailer's name, the middle part of its configuration keys. */
    String value();

    /** An instance of {@link MailerName} for {@code Instance.select(...)}. */
    final class Literal extends AnnotationLiteral<MailerName> implements MailerName {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String name) {
            return new Literal(Objects.requireNonNull(name, "name"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
