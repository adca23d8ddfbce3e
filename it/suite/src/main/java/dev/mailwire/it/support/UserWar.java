package dev.mailwire.it.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that it/user-war builds with Maven as the docs tell users, deployed as built: classes, WEB-INF/lib,
 * descriptors and manifest untouched. Only its {@code microprofile-config.properties} gets the environment's settings
 * appended (the Postfix of this run, a login, the trust store), as an operator's environment variables would add them.
 */
public final class UserWar {

    private static final ArchivePath CONFIG =
            ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private UserWar() {}

    /** The user's WAR as {@code name}.war, sending as {@code user} at the shared Postfix. */
    public static WebArchive deployment(String name, String user) {
        String war = System.getProperty("mailwire.it.user-war");
        if (war == null || !new File(war).isFile()) {
            throw new IllegalStateException("mailwire.it.user-war does not name it/user-war's WAR: " + war);
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(new File(war))
                .as(WebArchive.class);
        String own = read(archive.get(CONFIG));
        Map<String, String> environment = Apps.mailer(null, user);
        // The application's own connection-factory (its resource reference) stays: only the environment is added.
        environment.remove("mailwire.mailer.connection-factory");
        archive.delete(CONFIG);
        archive.add(new StringAsset(own + "\n" + Apps.properties(environment)), CONFIG);
        return archive;
    }

    private static String read(Node node) {
        if (node == null) {
            throw new IllegalStateException("the user's WAR has no " + CONFIG);
        }
        try (InputStream in = node.getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
