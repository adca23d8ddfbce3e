package dev.mailwire.jca.pool;

import jakarta.resource.spi.ConnectionRequestInfo;

/** A request info compared by value, as the real {@code MailConnectionRequestInfo} is. */
record Identity(String user) implements ConnectionRequestInfo {}
