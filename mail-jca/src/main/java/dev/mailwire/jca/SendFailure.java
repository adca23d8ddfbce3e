package dev.mailwire.jca;

import dev.mailwire.MailerException;

/**
 * A classified failure of one send: the exception for the caller, and what it means for the connection.
 *
 * @param error what the caller sees
 * @param connectionBroken the connection cannot be used again and must be reported to the pool
 * @param beforeContent the server saw none of the message, so sending it again cannot duplicate it
 */
record SendFailure(MailerException error, boolean connectionBroken, boolean beforeContent) {

    /** A broken connection that failed before any content: safe to retry once on a fresh connection. */
    boolean retryable() {
        return connectionBroken && beforeContent;
    }
}
