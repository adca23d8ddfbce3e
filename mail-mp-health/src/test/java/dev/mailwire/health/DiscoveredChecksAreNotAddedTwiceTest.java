package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The jar is a bean archive, so a server that scans it (WildFly, whose MicroProfile Health sees only discovered
 * checks) discovers the checks and the monitors; HealthExtension then adds none of them again: each is one bean, and
 * readiness and liveness are one check each. (The other tests boot Weld without discovery: the extension adds them.)
 */
@Timeout(30)
class DiscoveredChecksAreNotAddedTwiceTest {

    @Test
    void discoveredChecksAreOneBeanEach() throws IOException {
        try (InputStream beansXml = HealthExtension.class.getResourceAsStream("/META-INF/beans.xml")) {
            assertThat(beansXml).as("META-INF/beans.xml in mailwire-mp-health").isNotNull();
            assertThat(new String(beansXml.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("bean-discovery-mode=\"annotated\"");
        }

        try (TestConfig c = TestConfig.use(Map.of("mailwire.mailer.mock", "true"));
                HealthContainer container =
                        HealthContainer.boot(MailerMonitors.class, ReadinessCheck.class, LivenessCheck.class)) {
            JsonObject ready = container.readiness();
            JsonObject live = container.liveness();

            assertThat(checksNamed(ready, ReadinessCheck.NAME)).isEqualTo(1);
            assertThat(checksNamed(live, LivenessCheck.NAME)).isEqualTo(1);
            assertThat(HealthContainer.data(ready, ReadinessCheck.NAME)).containsKey("<default>");
            assertThat(HealthContainer.status(ready)).isEqualTo("UP");
        }
    }

    private static long checksNamed(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> name.equals(check.getString("name")))
                .count();
    }
}
