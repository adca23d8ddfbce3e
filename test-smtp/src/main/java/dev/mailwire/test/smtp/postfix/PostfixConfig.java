package dev.mailwire.test.smtp.postfix;

import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes one private instance's configuration: main.cf, master.cf, the certificate, and Cyrus SASL's files. */
final class PostfixConfig {

    /** Postfix daemons run as this user; it must be able to read the SASL database. */
    private static final String MAIL_OWNER = "postfix";
    /** Maildir files are written as this user: the virtual agent refuses root and needs a uid of 100 or more. */
    private static final String MAILBOX_OWNER = "nobody";

    private static final String MAILBOX_GROUP = "nogroup"; // Debian's name for nobody's group

    private final InstanceLayout layout;
    private final PrivatePostfix.Settings settings;

    PostfixConfig(InstanceLayout layout, PrivatePostfix.Settings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    void write() {
        try {
            // 755 down to the root: Postfix's daemons (user postfix) and the virtual agent (user nobody) must reach
            // their directories, and a temp directory is created 700.
            for (Path dir : List.of(layout.root(), layout.config(), layout.sasl(), layout.queue(), layout.data())) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.createDirectories(layout.mailBase());
            UserPrincipalLookupService users = layout.root().getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(layout.data(), users.lookupPrincipalByName(MAIL_OWNER));
            chown(
                    layout.mailBase(),
                    users.lookupPrincipalByName(MAILBOX_OWNER),
                    users.lookupPrincipalByGroupName(MAILBOX_GROUP));
            TestCertificates certs = settings.certificates();
            Files.copy(certs.certPem(), layout.config().resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(certs.keyPem(), layout.config().resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(
                    layout.config().resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));
            writeBackdated(layout.config().resolve("main.cf"), mainCf());
            writeBackdated(layout.config().resolve("master.cf"), masterCf());
            writeSasl(users.lookupPrincipalByGroupName(MAIL_OWNER));
            createQueue(users);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Postfix configuration in " + layout.root(), e);
        }
    }

    /**
     * Postfix will not trust a table or main.cf modified in the current second (it could still be being written):
     * it re-reads it every 300 ms until the mtime is in the past, which made each first start take up to 2 s.
     */
    private static void writeBackdated(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(10)));
    }

    private String mainCf() throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("compatibility_level", "3.6");
        p.put("queue_directory", layout.queue().toString());
        p.put("data_directory", layout.data().toString());
        p.put("mail_owner", MAIL_OWNER);
        p.put("setgid_group", "postdrop");
        // Loopback only, whatever /etc/postfix/main.cf says (Debian writes inet_interfaces=all there).
        p.put("inet_interfaces", "127.0.0.1");
        p.put("inet_protocols", "ipv4");
        p.put("myhostname", "localhost"); // the name in the certificate, and in the 220 greeting
        p.put("mydomain", settings.domain());
        p.put("myorigin", "$mydomain"); // Debian's default would read /etc/mailname
        p.put("mydestination", "");
        p.put("mynetworks", "127.0.0.0/8"); // used only by the optional plain listener's restrictions
        p.put("relayhost", "");
        p.put("alias_maps", "");
        p.put("alias_database", "");
        p.put("local_recipient_maps", "");
        p.put("biff", "no");
        p.put("readme_directory", "no");
        p.put("smtpd_banner", "$myhostname ESMTP");
        p.put("maillog_file", layout.log().toString());
        p.put("maillog_file_prefixes", layout.root().toString()); // else Postfix refuses a log outside /var
        p.put("smtpd_peername_lookup", "no"); // no reverse DNS for 127.0.0.1
        p.put("smtpd_client_port_logging", "yes"); // lets a test tie a log session to its client socket
        p.put("smtpd_tls_cert_file", layout.config().resolve("cert.pem").toString());
        p.put("smtpd_tls_key_file", layout.config().resolve("key.pem").toString());
        p.put("smtpd_tls_security_level", "encrypt");
        p.put("smtpd_tls_auth_only", "yes");
        p.put("smtpd_tls_received_header", "yes"); // delivered mail shows the TLS version it came in with
        p.put("smtpd_sasl_auth_enable", "yes");
        p.put("smtpd_sasl_type", "cyrus");
        p.put("smtpd_sasl_path", "smtpd");
        p.put("cyrus_sasl_config_path", layout.sasl().toString());
        p.put("smtpd_sasl_local_domain", settings.domain()); // the realm the sasldb users are stored under
        p.put("smtpd_sasl_authenticated_header", "yes"); // "(Authenticated sender: ...)" in Received
        // Per-recipient replies from the real server: access(5) "user@" keys match that local part in any domain.
        p.put(
                "mailwire_test_recipients",
                "inline:{ {rejected@=550 5.1.1 rejected by the test server},"
                        + " {deferred@=450 4.2.0 deferred by the test server} }");
        p.put("smtpd_relay_restrictions", "permit_sasl_authenticated, reject");
        p.put(
                "smtpd_recipient_restrictions",
                "check_recipient_access $mailwire_test_recipients, permit_sasl_authenticated, reject");
        // Every domain is "virtual", so every accepted recipient ends in the one Maildir and nothing leaves.
        p.put("virtual_mailbox_domains", "static:all");
        p.put("virtual_mailbox_base", layout.mailBase().toString());
        p.put("virtual_mailbox_maps", "static:" + layout.mailBase().relativize(layout.maildir()) + "/");
        p.put("virtual_uid_maps", "static:" + Files.getAttribute(layout.mailBase(), "unix:uid"));
        p.put("virtual_gid_maps", "static:" + Files.getAttribute(layout.mailBase(), "unix:gid"));
        p.put("virtual_transport", settings.mode() == PrivatePostfix.Mode.DISCARD ? "discard:" : "virtual");
        p.put("default_transport", "error:the Mailwire test server delivers nowhere else");
        p.put("relay_transport", "$default_transport");
        p.putAll(settings.overrides());
        return p.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "# Written by Mailwire's PrivatePostfix\n", "\n"));
    }

    private String masterCf() {
        // No chroot: the daemons must see the instance's own paths. postlog serves maillog_file.
        StringBuilder cf = new StringBuilder("# Written by Mailwire's PrivatePostfix\n");
        cf.append("127.0.0.1:").append(settings.port()).append(" inet n - n - - smtpd\n");
        if (settings.plainPort() > 0) {
            // For tests of tls=NONE: no TLS, no AUTH, loopback clients may send (syslog name tells it apart).
            cf.append("127.0.0.1:")
                    .append(settings.plainPort())
                    .append(" inet n - n - - smtpd\n")
                    .append("  -o syslog_name=postfix/plain\n")
                    .append("  -o smtpd_tls_security_level=none\n")
                    .append("  -o smtpd_tls_wrappermode=no\n") // plain even when the main listener is implicit TLS
                    .append("  -o smtpd_sasl_auth_enable=no\n")
                    .append("  -o smtpd_relay_restrictions=permit_mynetworks,reject\n")
                    .append("  -o smtpd_recipient_restrictions=check_recipient_access,$mailwire_test_recipients,"
                            + "permit_mynetworks,reject\n");
        }
        for (String service : List.of(
                "pickup unix n - n 60 1 pickup",
                "cleanup unix n - n - 0 cleanup",
                "qmgr unix n - n 300 1 qmgr",
                "tlsmgr unix - - n 1000? 1 tlsmgr",
                "rewrite unix - - n - - trivial-rewrite",
                "bounce unix - - n - 0 bounce",
                "defer unix - - n - 0 bounce",
                "trace unix - - n - 0 bounce",
                "verify unix - - n - 1 verify",
                "flush unix n - n 1000? 0 flush",
                "proxymap unix - - n - - proxymap",
                "showq unix n - n - - showq",
                "error unix - - n - - error",
                "retry unix - - n - - error",
                "discard unix - - n - - discard",
                "virtual unix - n n - - virtual",
                "anvil unix - - n - 1 anvil",
                "scache unix - - n - 1 scache",
                "postlog unix-dgram n - n - 1 postlogd")) {
            cf.append(service).append('\n');
        }
        return cf.toString();
    }

    /**
     * The queue directories as Postfix's {@code post-install create-missing} makes them (per
     * {@code /etc/postfix/postfix-files}). Made here so that even the first start can skip {@code postfix start}'s
     * integrity checks, which take about 3 s; the master itself then starts in milliseconds.
     */
    private void createQueue(UserPrincipalLookupService users) throws IOException {
        UserPrincipal postfix = users.lookupPrincipalByName(MAIL_OWNER);
        GroupPrincipal postdrop = users.lookupPrincipalByGroupName("postdrop");
        for (String dir : List.of(
                "active",
                "bounce",
                "corrupt",
                "defer",
                "deferred",
                "flush",
                "hold",
                "incoming",
                "private",
                "saved",
                "trace")) {
            queueDir(dir, postfix, null, "rwx------");
        }
        queueDir("maildrop", postfix, postdrop, "rwx-wx---");
        queueDir("public", postfix, postdrop, "rwx--x---");
        queueDir("pid", null, null, "rwxr-xr-x");
    }

    private void queueDir(String name, UserPrincipal owner, GroupPrincipal group, String permissions)
            throws IOException {
        Path dir = Files.createDirectories(layout.queue().resolve(name));
        chown(dir, owner, group);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    }

    private void writeSasl(GroupPrincipal postfixGroup) throws IOException {
        Path db = layout.sasl().resolve("sasldb2");
        Files.writeString(
                layout.sasl().resolve("smtpd.conf"),
                "pwcheck_method: auxprop\n"
                        + "auxprop_plugin: sasldb\n"
                        + "sasldb_path: " + db + "\n"
                        + "mech_list: PLAIN LOGIN\n");
        Files.deleteIfExists(db);
        for (Map.Entry<String, String> user : settings.users().entrySet()) {
            // -p: password from stdin; -u: the realm, which smtpd_sasl_local_domain makes smtpd look under.
            Commands.run(
                            Duration.ofSeconds(30),
                            user.getValue() + "\n",
                            Map.of(),
                            List.of(
                                    PostfixInstallation.SASLPASSWD2.toString(),
                                    "-f",
                                    db.toString(),
                                    "-c",
                                    "-p",
                                    "-u",
                                    settings.domain(),
                                    user.getKey()))
                    .orThrow();
        }
        chown(db, null, postfixGroup);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
    }

    private static void chown(Path path, UserPrincipal user, GroupPrincipal group) throws IOException {
        if (user != null) {
            Files.setOwner(path, user);
        }
        if (group != null) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
        }
    }
}
