package dev.mailwire.cdi.testkit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests an application's mail code in one annotation: each test method gets a fresh Weld SE container with
 * Mailwire and the given beans, every mailer in mock mode (nothing is sent; {@code MockMailbox} records), and
 * {@code @Inject} fields and parameters of type {@code Mailer}, {@code Mailers}, {@code MockMailbox} or any bean
 * resolved.
 *
 * <pre>{@code
 * @MailwireTest(beans = Invoices.class, mailers = "billing")
 * class InvoicesTest {
 *     @Inject Invoices invoices;
 *     @Inject MockMailbox mailbox;
 *
 *     @Test
 *     void sendsTheInvoice() {
 *         invoices.send(customer);
 *         assertThat(mailbox.sentBy("billing")).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Needs Weld SE ({@code org.jboss.weld.se:weld-se-core}) and SmallRye Config on the test class path.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target(TYPE)
@ExtendWith(MailwireTestExtension.class)
public @interface MailwireTest {

    /** The application's bean classes to deploy with Mailwire (bean discovery is off). */
    Class<?>[] beans() default {};

    /** Named mailers to deploy in mock mode, besides the default mailer. */
    String[] mailers() default {};

    /** Further settings, {@code key=value}; they win over the kit's ({@code mailwire.mailer.from=...}). */
    String[] config() default {};
}
