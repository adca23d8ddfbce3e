package dev.mailwire.test.smtp.fake;

/** SMTP reply formatting (RFC 5321 section 4.2): every line but the last has a hyphen after the code. */
final class Replies {

    private Replies() {}

    static String format(int code, String text) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("an SMTP reply code is 2xx to 5xx: " + code);
        }
        String[] lines = text.split("\n", -1);
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            reply.append(code)
                    .append(i < lines.length - 1 ? '-' : ' ')
                    .append(lines[i])
                    .append("\r\n");
        }
        return reply.toString();
    }
}
