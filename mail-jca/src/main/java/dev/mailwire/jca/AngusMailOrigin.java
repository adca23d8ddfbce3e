package dev.mailwire.jca;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Which Angus Mail a class of the adapter was linked against, and where that jar lies: the server's module, a library
 * next to the adapter, or the application's class path. The adapter extends Angus's SMTPTransport, so the copy its
 * class loader resolves is the one that talks to the SMTP server, whatever else the server holds.
 *
 * <p>Angus 2.0.x jars carry no {@code Implementation-Version}; their OSGi {@code Bundle-Version} is read instead, from
 * the manifest of the very jar the class came from (not the first manifest the class loader finds).
 */
record AngusMailOrigin(Optional<String> version, String location) {

    static AngusMailOrigin of(Class<?> type) {
        String entry = type.getName().replace('.', '/') + ".class";
        URL classUrl = type.getResource('/' + entry);
        Optional<String> version = Optional.ofNullable(type.getPackage().getImplementationVersion());
        if (classUrl == null) {
            return new AngusMailOrigin(version, "an unknown location");
        }
        String url = classUrl.toString();
        String jar = url.endsWith(entry) ? url.substring(0, url.length() - entry.length()) : url;
        if (version.isEmpty()) {
            version = manifestVersion(classUrl, jar + "META-INF/MANIFEST.MF");
        }
        return new AngusMailOrigin(version, readable(codeSource(type).orElse(jar)));
    }

    /** Where the class was defined from, when the loader says: a file path even where resource URLs are bundle:. */
    private static Optional<String> codeSource(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null
                    ? Optional.empty()
                    : Optional.of(source.getLocation().toString());
        } catch (SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> manifestVersion(URL context, String manifestUrl) {
        try {
            // The class's own URL as context keeps its protocol handler (vfs: on WildFly, wsjar: on Liberty).
            URLConnection connection = new URL(context, manifestUrl).openConnection();
            connection.setUseCaches(false); // a cached JarFile would stay open after an undeploy
            try (InputStream in = connection.getInputStream()) {
                Attributes main = new Manifest(in).getMainAttributes();
                String bundle = main.getValue("Bundle-Version");
                return Optional.ofNullable(
                        bundle != null ? bundle : main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code jar:file:/x/angus-mail.jar!/} as {@code file:/x/angus-mail.jar}: the jar an operator looks for. */
    private static String readable(String jar) {
        String s = jar.startsWith("jar:") ? jar.substring(4) : jar;
        return s.endsWith("!/") ? s.substring(0, s.length() - 2) : s;
    }
}
