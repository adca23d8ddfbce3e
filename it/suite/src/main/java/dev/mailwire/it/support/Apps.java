package dev.mailwire.it.support;

import dev.mailwire.it.deployment.Failures;
import dev.mailwire.it.deployment.angus.AngusOfTheRarServlet;
import dev.mailwire.it.deployment.cdi.EjbSender;
import dev.mailwire.it.deployment.direct.DirectSender;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the applications the tests deploy: fixture classes plus the application's own
 * {@code META-INF/microprofile-config.properties}, which is where the SMTP settings live (DESIGN §4, option (a)):
 * the operator's connection definition holds only pool settings and defaults.
 */
public final class Apps {

    private Apps() {}

    /**
     * A WAR named {@code name}.war with its configuration. Never with mailwire-api or mailwire-jca: they come from
     * the deployed RAR (a WAR with its own copy would get a ClassCastException at lookup).
     */
    private static WebArchive war(String name, Map<String, String> config) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties")
                .setWebXML(new StringAsset(webXml()));
        return ServerUnderTest.adapter().seeingTheRar(war);
    }

    /** An application that sends through the connection factory directly (no mail-cdi), configured by {@code config}. */
    public static WebArchive direct(String name, Map<String, String> config) {
        return war(name, config).addPackage(Failures.class.getPackage()).addPackage(DirectSender.class.getPackage());
    }

    /** An application that reports which Angus Mail the RAR's transport runs on (no mailer, no settings). */
    public static WebArchive angusProbe(String name) {
        return war(name, Map.of())
                .addPackage(Failures.class.getPackage())
                .addPackage(AngusOfTheRarServlet.class.getPackage());
    }

    /**
     * An application with mail-cdi in WEB-INF/lib and {@code @Inject Mailer} fixtures, configured by {@code config}.
     * Only mail-cdi is bundled: mail-api and mail-jca come from the RAR, Angus and MicroProfile Config from the server.
     */
    public static WebArchive cdi(String name, Map<String, String> config) {
        return war(name, config)
                .addPackage(Failures.class.getPackage())
                .addPackage(EjbSender.class.getPackage())
                .addAsLibrary(jar("mailwire.it.cdi-jar", "mailwire-cdi"), "mailwire-cdi.jar");
    }

    /**
     * {@link #cdi} with mailwire-mp-health in WEB-INF/lib too: its readiness and liveness checks, served by the
     * server's own MicroProfile Health. Neither the MicroProfile Health API nor an implementation is bundled: the
     * server provides both (a WAR with its own API copy would not be seen by the server's implementation).
     */
    public static WebArchive cdiWithHealth(String name, Map<String, String> config) {
        return cdi(name, config)
                .addAsLibrary(jar("mailwire.it.health-jar", "mailwire-mp-health"), "mailwire-mp-health.jar");
    }

    /** A jar whose path the server module passes in {@code property} (set by dependency:properties). */
    private static File jar(String property, String artifact) {
        String jar = System.getProperty(property);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException(property + " does not name the " + artifact + " jar: " + jar);
        }
        return new File(jar);
    }

    /**
     * The settings of one mailer ({@code null}: the default one) that authenticates as {@code user} at the shared
     * Postfix, through the operator's connection factory.
     */
    public static Map<String, String> mailer(String mailer, String user) {
        PrivatePostfix postfix = SharedPostfix.postfix();
        String prefix = mailer == null ? "mailwire.mailer." : "mailwire.mailer." + mailer + ".";
        Map<String, String> config = new LinkedHashMap<>();
        config.put(prefix + "connection-factory", CONNECTION_FACTORY_REF);
        config.put(prefix + "host", postfix.host());
        config.put(prefix + "port", Integer.toString(postfix.port()));
        config.put(prefix + "tls", "STARTTLS");
        config.put(prefix + "trust-store", postfix.trustStore().toString());
        config.put(prefix + "trust-store-password", postfix.trustStorePassword());
        config.put(prefix + "trust-store-type", postfix.trustStoreType());
        config.put(prefix + "username", user);
        config.put(prefix + "password", SharedPostfix.PASSWORD);
        config.put(prefix + "from", "sender@" + postfix.domain());
        return config;
    }

    /** Several maps as one configuration, later keys winning. */
    @SafeVarargs
    public static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }

    /** The name applications use: a resource reference in their own java:comp/env, mapped in web.xml. */
    public static final String CONNECTION_FACTORY_REF = "java:comp/env/mail/Mailwire";

    /**
     * Maps {@link #CONNECTION_FACTORY_REF} to the operator's global name with {@code res-auth} Application: the
     * application, not the container, supplies the identity (in its connection spec). With the default (Container)
     * Payara passes a PasswordCredential built from the pool's UserName property, blank when unset.
     */
    private static String webXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <resource-ref>
                    <res-ref-name>mail/Mailwire</res-ref-name>
                    <res-type>dev.mailwire.connector.MailConnectionFactory</res-type>
                    <res-auth>Application</res-auth>
                    <lookup-name>%s</lookup-name>
                  </resource-ref>
                </web-app>
                """.formatted(ServerUnderTest.connectionFactory());
    }

    static String properties(Map<String, String> config) {
        // Values here are paths, names and numbers: no character needs escaping in a properties file.
        return config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
