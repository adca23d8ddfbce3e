package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A message larger than the server's SIZE or the configured maximum is refused, naming both numbers. */
class MessageSizeLimitTest {

    @Test
    void overServerSize() {
        assertThatThrownBy(() -> MessageValidator.checkSize("billing", 2_000, OptionalLong.of(1_000), 0))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("size"))
                .hasMessageContaining("2000 bytes")
                .hasMessageContaining("at most 1000")
                .hasMessageContaining("SIZE");
    }

    @Test
    void overConfiguredMaximum() {
        assertThatThrownBy(() -> MessageValidator.checkSize("billing", 2_000, OptionalLong.empty(), 1_500))
                .isInstanceOf(InvalidMailException.class)
                .hasMessageContaining("2000 bytes")
                .hasMessageContaining("configured maximum is 1500");
    }

    @Test
    void bothLimitsApply() {
        assertThatThrownBy(() -> MessageValidator.checkSize("billing", 2_000, OptionalLong.of(10_000), 1_500))
                .hasMessageContaining("configured maximum is 1500");
    }

    @Test
    void serverSizeZeroMeansNoLimit() {
        assertThatCode(() -> MessageValidator.checkSize("billing", 2_000, OptionalLong.of(0), 0))
                .doesNotThrowAnyException();
    }

    @Test
    void withinLimits() {
        assertThatCode(() -> MessageValidator.checkSize("billing", 1_000, OptionalLong.of(1_000), 1_000))
                .doesNotThrowAnyException();
    }
}
