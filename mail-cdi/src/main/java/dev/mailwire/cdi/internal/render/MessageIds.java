package dev.mailwire.cdi.internal.render;

import dev.mailwire.jca.MessageValidator;
import jakarta.mail.internet.InternetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates Message-IDs: 128 random bits and a domain, {@code <3f2a...9c@example.org>} (RFC 5322 §3.6.4: unique
 * worldwide; randomness makes a collision as unlikely as with a UUID, and reveals neither host nor time).
 */
final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {}

    /** A new Message-ID in {@code domain}, or in the From address's domain when {@code domain} is null. */
    static String generate(String mailer, String domain, InternetAddress from) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes) + "@" + (domain != null ? domain : domainOf(from));
        return MessageValidator.checkMessageId(mailer, id);
    }

    static String domainOf(InternetAddress from) {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
