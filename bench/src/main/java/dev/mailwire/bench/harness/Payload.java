package dev.mailwire.bench.harness;

import java.nio.charset.StandardCharsets;

/**
 * The message every client sends for one size: a plain-text body of about {@code bytes} bytes in 76-character
 * ASCII lines, so every library picks 7bit and none pays for quoted-printable or base64. No line starts with a dot,
 * so the raw client needs no dot-stuffing after DATA (and BDAT never needs any).
 */
public record Payload(String label, int bytes, String subject, String from, String to, String body) {

    public static final String FROM = "bench@example.test";
    public static final String TO = "sink@example.test";

    private static final String WORDS = "Mailwire measures pooled SMTP against naive sending and its peers; ";

    public static Payload of(String label, int bytes) {
        StringBuilder body = new StringBuilder(bytes + 80);
        int i = 0;
        while (body.length() < bytes) {
            for (int col = 0; col < 76; col++) {
                body.append(WORDS.charAt(i++ % WORDS.length()));
            }
            body.append("\r\n");
        }
        return new Payload(label, bytes, "bench " + label, FROM, TO, body.toString());
    }

    /** The whole message as it goes on the wire after DATA, ending with the CRLF.CRLF terminator. */
    public byte[] wireMessage() {
        return (text() + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The whole message as it goes on the wire after {@code BDAT <n> LAST} (RFC 3030): no terminator, no stuffing. */
    public byte[] chunk() {
        return text().getBytes(StandardCharsets.US_ASCII);
    }

    private String text() {
        String headers = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <raw-" + bytes + "@bench.example.test>\r\n"
                + "Date: Wed, 25 Nov 2026 12:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n";
        return headers + body;
    }

    @Override
    public String toString() {
        return label;
    }
}
