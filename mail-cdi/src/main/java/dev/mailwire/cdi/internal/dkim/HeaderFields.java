package dev.mailwire.cdi.internal.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header block of a message in its wire form (CRLF line ends): each field with its folds, in order, and where
 * the body starts. Read as ISO-8859-1, one char per byte, so that the fields written back the same way are the
 * message's bytes: every header is ASCII but, in a message sent with SMTPUTF8, an address's UTF-8 local part, which
 * relaxed canonicalization (RFC 6376 §3.4.2: case of the name, runs of SP and HTAB) leaves alone.
 */
final class HeaderFields {

    private final List<String> fields = new ArrayList<>();
    private final int bodyOffset;

    HeaderFields(byte[] message) {
        int end = indexOf(message, "\r\n\r\n");
        String block;
        if (end < 0) {
            block = new String(message, StandardCharsets.ISO_8859_1);
            bodyOffset = message.length;
        } else {
            block = new String(message, 0, end, StandardCharsets.ISO_8859_1);
            bodyOffset = end + 4;
        }
        for (String line : block.split("\r\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
    }

    int bodyOffset() {
        return bodyOffset;
    }

    /** How many fields are called {@code name} (lower case). */
    int count(String name) {
        return (int) fields.stream().filter(f -> name(f).equals(name)).count();
    }

    /**
     * The fields that {@code h} names, picked as a verifier picks them (RFC 6376 §5.4.2): each repetition of a name
     * takes the next instance from the bottom; a name listed more often than the field occurs selects nothing.
     */
    List<String> select(List<String> h) {
        Map<String, Integer> used = new HashMap<>();
        List<String> selected = new ArrayList<>();
        for (String name : h) {
            int skip = used.merge(name, 1, Integer::sum) - 1;
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (name(fields.get(i)).equals(name) && skip-- == 0) {
                    selected.add(fields.get(i));
                    break;
                }
            }
        }
        return selected;
    }

    private static String name(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    private static int indexOf(byte[] data, String text) {
        byte[] pattern = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
