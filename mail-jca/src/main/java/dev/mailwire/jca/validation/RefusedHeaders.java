package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import java.util.Locale;

/**
 * Headers a sender may not write, through the {@code Mail} builder's custom headers or on a {@code MimeMessage}.
 *
 * <ul>
 *   <li>{@code Return-Path} is added by the final delivery server from the envelope (RFC 5321 section 4.4); one
 *       written by the sender is false, and tools that read it send bounces and auto-replies to whoever it names.
 *   <li>{@code Sender} names the mailbox responsible for sending when it differs from From (RFC 5322 §3.6.2), and
 *       clients show "on behalf of" from it. Mailwire is that agent and already says who is responsible: the
 *       envelope sender and From it was configured or given. A Sender taken from the application (or from data
 *       that reached a {@code MimeMessage}) is a second, unverified identity claim, which DMARC does not check; so
 *       it is refused rather than given a meaning. Set {@code from} and {@code reply-to} instead.
 * </ul>
 */
final class RefusedHeaders {

    private RefusedHeaders() {}

    static void check(String mailer, String field, String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "return-path" -> throw Problems.invalid(JcaMessages.RETURN_PATH_REFUSED, mailer, field, null);
            case "sender" -> throw Problems.invalid(JcaMessages.SENDER_REFUSED, mailer, field, null);
            default -> {}
        }
    }
}
