package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At start the adapter logs the Angus Mail it runs on (MWJCA-401), warns below the version Mailwire is built on
 * (MWJCA-402) or when the version cannot be read (MWJCA-403), and refuses to start on one without the fix for
 * CVE-2025-7962 (MWJCA-404). Exactly one line each time.
 */
class AngusMailVersionDecidesTheAdaptersStartTest {

    private static final String JAR = "file:/opt/server/modules/angus-mail.jar";

    private final Logger log = Logger.getLogger(AngusMailVersionDecidesTheAdaptersStartTest.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void release() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    @Test
    void theVersionMailwireIsBuiltOnOrNewerIsLoggedAsInfo() throws Exception {
        for (String version : List.of("2.0.5", "2.0.6-SNAPSHOT", "2.1.0", "3.0.0")) {
            records.clear();
            AngusMailCheck.check(new AngusMailOrigin(Optional.of(version), JAR), log);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.INFO);
                assertThat(r.getMessage()).startsWith("MWJCA-401 ").contains(version, JAR);
            });
        }
    }

    @Test
    void olderButWithTheCveFixIsAWarningAndTheAdapterRuns() throws Exception {
        for (String version : List.of("2.0.4", "2.0.4.redhat-00001")) {
            records.clear();
            AngusMailCheck.check(new AngusMailOrigin(Optional.of(version), JAR), log);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).startsWith("MWJCA-402 ").contains(version, JAR, "2.0.5");
            });
        }
    }

    @Test
    void anUnreadableVersionIsAWarning() throws Exception {
        AngusMailCheck.check(new AngusMailOrigin(Optional.empty(), JAR), log);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).startsWith("MWJCA-403 ").contains(JAR);
        });
    }

    @Test
    void withoutTheCveFixTheAdapterDoesNotStart() {
        for (String version : List.of("2.0.3", "2.0.0", "1.1.0")) {
            assertThatThrownBy(() -> AngusMailCheck.check(new AngusMailOrigin(Optional.of(version), JAR), log))
                    .isInstanceOf(ResourceAdapterInternalException.class)
                    .hasMessageStartingWith("MWJCA-404 ")
                    .hasMessageContainingAll(version, JAR, "CVE-2025-7962");
        }
        assertThat(records).isEmpty();
    }
}
