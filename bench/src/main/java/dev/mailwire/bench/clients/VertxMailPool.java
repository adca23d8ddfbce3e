package dev.mailwire.bench.clients;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import io.vertx.core.Vertx;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x mail client (Quarkus's engine) with its connection pool sized to the thread count; each bench thread
 * blocks on the returned future, as a blocking caller (a Jakarta EE bean) would.
 */
final class VertxMailPool implements Client {

    private final Payload payload;
    private final Vertx vertx;
    private final MailClient client;

    VertxMailPool(Target t, Payload payload, int threads) {
        this.payload = payload;
        MailConfig config = new MailConfig()
                .setHostname(t.host())
                .setPort(t.port())
                .setOwnHostname("localhost") // else it looks up this machine's name
                .setMaxPoolSize(threads)
                .setKeepAlive(true)
                // -Dbench.vertx.logActivity=true logs the SMTP dialogue (JUL, io.vertx.ext.mail) for debugging
                .setLogActivity(Boolean.getBoolean("bench.vertx.logActivity"));
        if (t.startTls()) {
            config.setStarttls(StartTLSOptions.REQUIRED)
                    .setLogin(LoginOption.REQUIRED)
                    .setUsername(t.username())
                    .setPassword(t.password())
                    .setHostnameVerificationAlgorithm("HTTPS");
            if ("PKCS12".equalsIgnoreCase(t.trustStoreType())) {
                config.setTrustOptions(
                        new PfxOptions().setPath(t.trustStore().toString()).setPassword(t.trustStorePassword()));
            } else {
                config.setTrustOptions(
                        new JksOptions().setPath(t.trustStore().toString()).setPassword(t.trustStorePassword()));
            }
        } else {
            config.setStarttls(StartTLSOptions.DISABLED).setLogin(LoginOption.DISABLED);
        }
        this.vertx = Vertx.vertx();
        this.client = MailClient.create(vertx, config);
    }

    @Override
    public void send(int thread) throws Exception {
        MailMessage m = new MailMessage()
                .setFrom(payload.from())
                .setTo(List.of(payload.to()))
                .setSubject(payload.subject())
                .setText(payload.body());
        client.sendMail(m).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
