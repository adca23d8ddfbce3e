package dev.mailwire.jca.oauth;

import dev.mailwire.jca.JcaMessages;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access token of one OAuth2 identity, cached, fetched by one thread at a time: when fifty connections open at
 * once with an empty cache, one asks the issuer and the others wait for its answer (bounded) instead of each sending
 * its own request. A token is replaced when less than the refresh margin of its life is left, so a new connection
 * never authenticates with one about to expire. A rotated refresh token from the issuer replaces the configured one
 * for the life of this source (the pool's). After a failed request, requests within a back-off window fail at once
 * with that failure: a down issuer is not hammered by every caller.
 */
public final class TokenSource {

    private static final Logger LOG = Logger.getLogger(TokenSource.class.getName());
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final OAuth2Config config;
    private final TokenEndpoint endpoint;
    private final ReentrantLock fetching = new ReentrantLock();
    private final AtomicLong requests = new AtomicLong();
    private volatile AccessToken current;
    private volatile String refreshToken;
    private TokenException lastFailure;
    private long retryAtNanos;
    private Duration backoff;

    /**
     * Runs an action after a delay unless cancelled first: the adapter's deadline timer, which disconnects a token
     * request still running at {@code oauth2.token-timeout}. No thread of its own per source.
     */
    @FunctionalInterface
    public interface Deadlines {
        Future<?> after(Duration delay, Runnable action);
    }

    public TokenSource(OAuth2Config config, Deadlines deadlines) {
        this.config = config;
        this.endpoint = new TokenEndpoint(config, deadlines);
        this.refreshToken = config.refreshToken();
    }

    public OAuth2Config config() {
        return config;
    }

    /** A token with more than the refresh margin of its life left, fetching one if needed. */
    public AccessToken token() {
        AccessToken t = current;
        if (usable(t)) {
            return t;
        }
        return fetch(null);
    }

    /**
     * A token other than {@code rejected}, which a server refused: fetched anew unless another thread already
     * replaced it.
     */
    public AccessToken renew(AccessToken rejected) {
        return fetch(rejected);
    }

    /**
     * Whether {@code t} is no longer the token a new connection would get: replaced since, or past its refresh
     * point. A server that refuses a connection's token mid-session is then refusing an old one, worth one renewal;
     * a refusal of the current token is not (a new one would be refused alike, and each try would cost a request).
     */
    public boolean superseded(AccessToken t) {
        return t != current || !usable(t);
    }

    /** How many requests this source sent to the token endpoint. */
    public long requests() {
        return requests.get();
    }

    private boolean usable(AccessToken t) {
        if (t == null) {
            return false;
        }
        Duration half = t.lifetime().dividedBy(2);
        Duration margin = config.refreshMargin().compareTo(half) < 0 ? config.refreshMargin() : half;
        return !t.expiresWithin(margin);
    }

    private AccessToken fetch(AccessToken rejected) {
        lockWithin(config.tokenTimeout().multipliedBy(2).plusSeconds(1));
        try {
            AccessToken t = current;
            if (usable(t) && t != rejected) {
                return t; // another thread fetched it while this one waited
            }
            if (lastFailure != null && System.nanoTime() - retryAtNanos < 0) {
                throw new TokenException(
                        JcaMessages.TOKEN_BACKING_OFF.format(
                                config.mailer(),
                                config.tokenEndpoint(),
                                Duration.ofNanos(retryAtNanos - System.nanoTime())
                                        .toMillis(),
                                lastFailure.getMessage()),
                        lastFailure);
            }
            return request();
        } finally {
            fetching.unlock();
        }
    }

    private AccessToken request() {
        requests.incrementAndGet();
        long start = System.nanoTime();
        try {
            TokenEndpoint.Grant g = endpoint.request(refreshToken);
            AccessToken t = new AccessToken(g.accessToken(), start, g.lifetime());
            if (g.refreshToken() != null && config.refreshGrant()) {
                refreshToken = g.refreshToken(); // rotation: the old one may already be revoked
            }
            current = t;
            lastFailure = null;
            backoff = null;
            LOG.log(Level.FINE, "Mailer {0}: new access token by {1}, lifetime {2} s", new Object[] {
                config.mailer(), config.grant(), t.lifetime().toSeconds()
            });
            return t;
        } catch (TokenException e) {
            backoff = backoff == null ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
            retryAtNanos = System.nanoTime() + backoff.toNanos();
            lastFailure = e;
            current = null;
            throw e;
        }
    }

    private void lockWithin(Duration limit) {
        try {
            if (!fetching.tryLock(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TokenException(
                        config, "is being asked by another thread, which did not finish within " + limit, null, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(config, TokenException.INTERRUPTED, e, false);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "TokenSource[" + config + "]";
    }
}
