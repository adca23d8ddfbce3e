package dev.mailwire.test.smtp.postfix;

import java.nio.file.Path;

/**
 * Where one private Postfix instance keeps everything: nothing of it lives in {@code /etc/postfix} or
 * {@code /var/spool/postfix}, so instances never meet each other or the system's Postfix.
 *
 * <pre>
 * root/conf/main.cf, master.cf, cert.pem, key.pem   configuration (postfix -c root/conf)
 * root/conf/sasl/smtpd.conf, sasldb2                Cyrus SASL: PLAIN and LOGIN against the sasldb
 * root/queue/                                       queue_directory (Postfix creates its sub-directories)
 * root/data/                                        data_directory (owned by postfix)
 * root/mail/inbox/{new,cur,tmp}                     the one Maildir every recipient is delivered to
 * root/maillog                                      maillog_file, written by the postlog service
 * root/owner.pid                                    the JVM that started it, to reap orphans of a crashed JVM
 * </pre>
 */
record InstanceLayout(Path root) {

    static final String CONFIG_DIR = "conf";
    static final String OWNER_FILE = "owner.pid";

    Path config() {
        return root.resolve(CONFIG_DIR);
    }

    Path sasl() {
        return config().resolve("sasl");
    }

    Path queue() {
        return root.resolve("queue");
    }

    Path data() {
        return root.resolve("data");
    }

    Path mailBase() {
        return root.resolve("mail");
    }

    Path maildir() {
        return mailBase().resolve("inbox");
    }

    Path log() {
        return root.resolve("maillog");
    }

    Path owner() {
        return root.resolve(OWNER_FILE);
    }

    /** Written by the master; holds its process id. */
    Path masterPid() {
        return queue().resolve("pid/master.pid");
    }
}
