package dev.mailwire.it.deployment.angus;

import dev.mailwire.it.deployment.Failures;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code GET angus}: the superclass of the RAR's transport (the Angus SMTPTransport it really extends, resolved by the
 * RAR's own class loader), the version in the Maven metadata of the jar that class came from, that jar, whether this
 * application's SMTPMessage (as its own classes link it) is the RAR's and where it comes from, and the same for the
 * thread's context class loader. Read independently of the adapter's own check (MWJCA-401), which this application
 * does not trust.
 */
@WebServlet("/angus")
public class AngusOfTheRarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Package-private in the RAR; named here because its superclass is exactly what the question is about. */
    private static final String RAR_TRANSPORT = "dev.mailwire.jca.StagedSmtpTransport";

    private static final String SMTP_MESSAGE = "org.eclipse.angus.mail.smtp.SMTPMessage";
    private static final String POM = "META-INF/maven/org.eclipse.angus/angus-mail/pom.properties";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ClassLoader rar = new InitialContext()
                    .lookup("java:comp/env/mail/Mailwire")
                    .getClass()
                    .getClassLoader();
            Class<?> transport = Class.forName(RAR_TRANSPORT, false, rar).getSuperclass();
            String entry = transport.getName().replace('.', '/') + ".class";
            String classUrl = transport.getResource('/' + entry).toString();
            String jar = classUrl.substring(0, classUrl.length() - entry.length());
            Properties pom = new Properties();
            URLConnection connection = new URL(transport.getResource('/' + entry), jar + POM).openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                pom.load(in);
            }
            Class<?> rarMessage = Class.forName(SMTP_MESSAGE, false, rar);
            // The loader that links the application's own classes (mail-cdi in WEB-INF/lib alike), not the thread's
            // context class loader: on Open Liberty the two differ (the context loader asks the server's features
            // first, for packages they export to it).
            Class<?> applicationMessage =
                    Class.forName(SMTP_MESSAGE, false, getClass().getClassLoader());
            Class<?> contextMessage =
                    Class.forName(SMTP_MESSAGE, false, Thread.currentThread().getContextClassLoader());
            response.setContentType("text/plain");
            response.getWriter()
                    .printf(
                            "transport=%s%nversion=%s%njar=%s%nshared-with-application=%s%napplication-jar=%s%n"
                                    + "shared-with-thread-context=%s%nthread-context-jar=%s%n",
                            transport.getName(),
                            pom.getProperty("version"),
                            jar,
                            applicationMessage == rarMessage,
                            applicationMessage.getProtectionDomain().getCodeSource(),
                            contextMessage == rarMessage,
                            contextMessage.getProtectionDomain().getCodeSource());
        } catch (NamingException | ReflectiveOperationException | RuntimeException e) {
            Failures.answer(response, e);
        }
    }
}
