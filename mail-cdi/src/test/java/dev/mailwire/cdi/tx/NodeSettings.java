package dev.mailwire.cdi.tx;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a forked node ({@link OutboxNode}, {@link LargeAttachmentNode}) reads from the properties file {@link Node}
 * wrote for it: the {@code mailwire.*} settings for its config, and its own {@code node.*} arguments.
 */
record NodeSettings(Properties properties, Map<String, String> mailwire) {

    static NodeSettings read(String file) throws IOException {
        Properties p = new Properties();
        try (Reader in = new FileReader(file)) {
            p.load(in);
        }
        Map<String, String> settings = new TreeMap<>();
        p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mailwire."))
                .forEach(k -> settings.put(k, p.getProperty(k)));
        return new NodeSettings(p, settings);
    }
}
