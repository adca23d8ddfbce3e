package dev.mailwire.it.userwar;

import dev.mailwire.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** {@code sendAsync} from a CDI bean, outside any transaction. */
@ApplicationScoped
public class Notifications {

    @Inject
    Mailer mailer;

    /**
     * Sends in the background; the stage gives the name of the thread that completed the send. The callback is
     * attached while the send is still on its way (an SMTP round trip takes far longer), so it runs on that thread.
     */
    public CompletionStage<String> notifyAsync(String to, String subject) {
        return mailer.sendAsync(Orders.confirmation(to, subject))
                .thenApply(result -> Thread.currentThread().getName());
    }
}
