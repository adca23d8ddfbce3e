package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Containers find the extension through its service file, with no registration by the application. */
class ExtensionIsAServiceTest {

    @Test
    void serviceFileNamesTheExtension() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(MailExtension.class);
    }
}
