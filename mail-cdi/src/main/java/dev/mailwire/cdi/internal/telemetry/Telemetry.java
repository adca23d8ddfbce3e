package dev.mailwire.cdi.internal.telemetry;

import dev.mailwire.cdi.stats.MailerMonitor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects a mailer to OpenTelemetry when the OpenTelemetry API is on the class path (MicroProfile Telemetry in
 * WildFly, Payara or Open Liberty, or the application's own), and does nothing when it is not. The
 * {@code OpenTelemetry} instance is the CDI bean if there is one (what MicroProfile Telemetry provides), else
 * {@code GlobalOpenTelemetry}. This class never names an OpenTelemetry type, so it loads without the API.
 *
 * <p>Beyond the specifications: public only for Mailwire's CDI layer.
 */
public final class Telemetry {

    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());
    private static final boolean API_PRESENT = apiPresent();

    private Telemetry() {}

    /** Whether the OpenTelemetry API can be used. */
    public static boolean available() {
        return API_PRESENT;
    }

    /** Records the metrics and spans of {@code monitor}'s mailer from now on, until it closes. */
    public static void attach(MailerMonitor monitor) {
        if (!API_PRESENT) {
            return;
        }
        try {
            monitor.addListener(OtelListener.create(monitor, OtelLookup.openTelemetry()));
        } catch (RuntimeException | LinkageError e) {
            // Telemetry must never stop mail: an API too old or a broken SDK costs the metrics, nothing else.
            LOG.log(Level.WARNING, e, () -> "Mailer '" + monitor.mailer() + "': telemetry is off: " + e);
        }
    }

    private static boolean apiPresent() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, Telemetry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
