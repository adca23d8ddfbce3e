package dev.mailwire.jca.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.settings.ConnectionSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The connection definition's config properties in mail-rar's {@code ra.xml} are the {@link ConnectionSetting}
 * table's, in its order: name, type, default, confidentiality and description. When they differ, the test writes the
 * block ra.xml should hold to {@code target/ra-config-properties.xml}, to paste in place of the old one.
 */
class RaXmlFollowsConnectionSettingsTest {

    @Test
    void configPropertiesAreTheTables() throws Exception {
        List<String> expected = Arrays.stream(ConnectionSetting.values())
                .map(RaXmlFollowsConnectionSettingsTest::render)
                .toList();
        List<String> actual = configProperties();
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "ra-config-properties.xml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.join("\n", expected) + "\n");
        }
        assertThat(actual)
                .as("ra.xml's config properties; the expected block is in target/ra-config-properties.xml")
                .containsExactlyElementsOf(expected);
    }

    /** Each {@code config-property} of the connection definition, rendered the way {@link #render} writes one. */
    private static List<String> configProperties() throws Exception {
        Path raXml = Path.of(System.getProperty("mailwire.ra.xml", "../mail-rar/src/main/rar/META-INF/ra.xml"));
        Element definition = (Element) DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(raXml.toFile())
                .getElementsByTagName("connection-definition")
                .item(0);
        List<String> found = new ArrayList<>();
        NodeList properties = definition.getElementsByTagName("config-property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            found.add(block(
                    text(p, "description"),
                    text(p, "config-property-name"),
                    text(p, "config-property-type"),
                    text(p, "config-property-value"),
                    "true".equals(text(p, "config-property-confidential"))));
        }
        return found;
    }

    private static String render(ConnectionSetting s) {
        return block(
                s.doc(),
                s.property(),
                s.kind().beanType().getName(),
                s.defaultValue().orElse(null),
                s.isSecret());
    }

    private static String block(String description, String name, String type, String value, boolean confidential) {
        StringBuilder b = new StringBuilder("        <config-property>\n");
        b.append("          <description>").append(escape(description)).append("</description>\n");
        b.append("          <config-property-name>").append(name).append("</config-property-name>\n");
        b.append("          <config-property-type>").append(type).append("</config-property-type>\n");
        if (value != null) {
            b.append("          <config-property-value>").append(escape(value)).append("</config-property-value>\n");
        }
        if (confidential) {
            b.append("          <config-property-confidential>true</config-property-confidential>\n");
        }
        return b.append("        </config-property>").toString();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0
                ? null
                : nodes.item(0).getTextContent().trim().replaceAll("\\s+", " ");
    }

    private static String escape(String s) {
        return s == null ? null : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
