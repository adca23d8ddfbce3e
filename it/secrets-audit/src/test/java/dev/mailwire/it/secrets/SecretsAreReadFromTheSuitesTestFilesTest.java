package dev.mailwire.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets are read in each shape the suite's test files give them (constant, setting, setter, realm JSON, a server's
 * XML, a properties file), from test code only (and the main code of test-only modules), and a value that could not
 * tell a leak from a message is dropped: too short, a template, a variable's name, a trust store's password, or a text
 * the product itself contains.
 */
class SecretsAreReadFromTheSuitesTestFilesTest {

    @TempDir
    Path root;

    @Test
    void eachShapeIsReadAndEachIndistinctValueDropped() {
        Tree t = new Tree(root);
        t.write(
                "mail-jca/src/main/java/dev/Keys.java",
                "String KEY = \"oauth2.client-secret\"; String PASSWORD = \"prod-only-value\";");
        t.write(
                "mail-jca/src/test/java/dev/SomeTest.java",
                "static final String PASSWORD = \"const-pass-1\";",
                "Map.of(\"mailwire.mailer.billing.password\", \"map-pass-22\", \"trust-store-password\", \"store-pass-3\");",
                "f.setPassword(\"setter-pass-4\"); f.setOauth2ClientSecret(\"client-secret\");",
                "b.password(\"pw\"); SECRET_VARIABLE = \"MAILWIRE_MAILER_OAUTH2_CLIENT_SECRET\";",
                "p.put(\"password\", \"%s-template\");",
                "postfix.user(\"bob\", \"user-pass-9\"); spec.of(\"bob\", \"chars-pass-10\".toCharArray());",
                "Map.of(OAuth2TestSettings.SECRET_VARIABLE, \"env-secret-11\"); audit.alsoSecret(\"node-user\", pw);",
                "keytool(\"-storepass\", PASSWORD, \"-keypass\", PASSWORD);");
        t.write(
                "test-smtp/src/main/java/dev/Realms.java",
                "\"clientAuthenticatorType\": \"client-secret\", \"secret\": \"json-secret-5\", \"enabled\": true,",
                "\"credentials\": [ { \"type\": \"password\", \"value\": \"json-user-pass-6\" } ]");
        t.write(
                "it/payara/src/test/asadmin/res.xml",
                "<property name=\"Oauth2ClientSecret\" value=\"xml-secret-7\"/>",
                "<property name=\"Oauth2ClientSecret\" value=\"@mailwire.oauth2.client-secret-password@\"/>");
        t.write(
                "mail-cdi/src/test/resources/META-INF/microprofile-config.properties",
                "mailwire.mailer.password=props-pass-8");

        List<String> values = ConfiguredSecrets.of(root, List.of("test-smtp")).stream()
                .map(Secret::value)
                .toList();

        assertThat(values)
                .containsExactlyInAnyOrder(
                        "const-pass-1",
                        "map-pass-22",
                        "setter-pass-4",
                        "json-secret-5",
                        "json-user-pass-6",
                        "xml-secret-7",
                        "props-pass-8",
                        "user-pass-9",
                        "chars-pass-10",
                        "env-secret-11");
    }

    @Test
    void aSecretNamesTheFileAndLineItCameFromNeverItsValue() {
        new Tree(root).write("m/src/test/java/A.java", "class A {", "", "  String SECRET = \"origin-secret-9\";");

        Secret s = ConfiguredSecrets.of(root, List.of()).get(0);

        assertThat(s.origin()).isEqualTo("m/src/test/java/A.java:3");
        assertThat(s.toString())
                .isEqualTo("secret from m/src/test/java/A.java:3")
                .doesNotContain(s.value());
    }
}
