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
 * RAR's own class loader), the version in the Maven metadata of the jar that class came from, that jar, and whether
 * this application's SMTPMessage is the RAR's (and where the application's comes from). Read independently of the adapter's own check (MWJCA-401), which this
 * application does not trust.
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
            ClassLoader application = Thread.currentThread().getContextClassLoader();
            Class<?> applicationMessage = Class.forName(SMTP_MESSAGE, false, application);
            boolean shared = applicationMessage == Class.forName(SMTP_MESSAGE, false, rar);
            response.setContentType("text/plain");
            response.getWriter()
                    .printf(
                            "transport=%s%nversion=%s%njar=%s%nshared-with-application=%s%napplication-jar=%s%n",
                            transport.getName(),
                            pom.getProperty("version"),
                            jar,
                            shared,
                            applicationMessage.getProtectionDomain().getCodeSource());
        } catch (NamingException | ReflectiveOperationException | RuntimeException e) {
            Failures.answer(response, e);
        }
    }
}
