package dev.mailwire.it.reliability.throttling;

import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import dev.mailwire.test.smtp.fake.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's connection limit: a connection that opens while {@code limit} others are open is refused with
 * {@code 421 4.7.0} and hung up on, either instead of the greeting (Postfix's connection count limit) or in answer
 * to MAIL FROM, after TLS and AUTH (as Gmail and Microsoft 365 do). Connections within the limit work normally. It
 * records when each connection came and whether it was refused: the server's own account of the storm.
 */
final class Throttle implements Behaviour {

    static final String REPLY = "4.7.0 Too many concurrent SMTP connections; try again later";

    /** One connection as the server saw it arrive. */
    record Arrival(long nanos, boolean refused) {}

    private final FakeSmtpServer server;
    private final int limit;
    private final boolean atMail;
    private final Map<Integer, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Set<Integer> hungUp = ConcurrentHashMap.newKeySet();

    private Throttle(FakeSmtpServer server, int limit, boolean atMail) {
        this.server = server;
        this.limit = limit;
        this.atMail = atMail;
    }

    static Throttle atConnect(FakeSmtpServer server, int limit) {
        return new Throttle(server, limit, false);
    }

    static Throttle atMail(FakeSmtpServer server, int limit) {
        return new Throttle(server, limit, true);
    }

    @Override
    public Action onConnect(SmtpConnection c) {
        boolean over = open() > limit; // this connection included
        arrivals.put(c.index(), new Arrival(System.nanoTime(), over));
        return over && !atMail ? hangUp(c) : Action.proceed();
    }

    @Override
    public Action onCommand(SmtpConnection c, String verb, String line) {
        Arrival a = arrivals.get(c.index());
        return atMail && verb.equals("MAIL") && a != null && a.refused() ? hangUp(c) : Action.proceed();
    }

    private Action hangUp(SmtpConnection c) {
        hungUp.add(c.index());
        return Action.replyAndClose(421, REPLY);
    }

    /**
     * Connections open at the server, not counting those it has answered 421 and is hanging up on: they are gone as
     * far as the server is concerned, even if its thread has not closed the socket yet.
     */
    int open() {
        int n = 0;
        for (Transcript t : server.transcripts()) {
            n += !t.isClosed() && !hungUp.contains(t.connection()) ? 1 : 0;
        }
        return n;
    }

    List<Arrival> arrivals() {
        List<Arrival> all = new ArrayList<>(arrivals.values());
        all.sort((x, y) -> Long.compare(x.nanos(), y.nanos()));
        return all;
    }
}
